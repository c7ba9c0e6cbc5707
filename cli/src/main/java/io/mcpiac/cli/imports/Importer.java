package io.mcpiac.cli.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Planner;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.resources.ResourceState;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.engine.states.JournalEntry;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateLock;
import io.mcpiac.engine.states.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Adopts what a provider instance already has into a new deployment: a deployment file listing
 * every object with its properties, and the same objects recorded in state (journalled like any
 * other change), so that planning the file right afterwards shows no changes.
 */
public final class Importer {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

  private Importer() {}

  /** What an import found: the deployment file's text, what it holds, and what was skipped. */
  public record Result(String yaml, int resources, List<String> notes) {}

  public static Result run(
      Engine engine, String deployment, String instance, List<ResourceType> types) {
    return run(engine, deployment, instance, types, false);
  }

  /**
   * @param adopt also take objects another deployment already manages (otherwise skipped, noted)
   */
  public static Result run(
      Engine engine, String deployment, String instance, List<ResourceType> types, boolean adopt) {
    return run(engine, deployment, instance, types, adopt, null);
  }

  /**
   * Into an existing deployment, the objects are added (what it already has is left out) and the
   * file written holds the whole deployment.
   *
   * @param onlyId adopt only the object with this id (null: all)
   */
  public static Result run(
      Engine engine,
      String deployment,
      String instance,
      List<ResourceType> types,
      boolean adopt,
      String onlyId) {
    try (StateLock ignored = engine.lock(deployment, "import")) {
      java.util.Map<String, ResourceRecord> existing = engine.state(deployment).resources();
      Set<String> mine = new HashSet<>();
      existing.values().forEach(r -> mine.add(r.type() + "\u0000" + r.id()));
      // a firewall that is down or refuses the key is an error, not "0 resources"
      engine.registry().instance(instance).ifPresent(Provider::probe);
      ManagedElsewhere managed = ManagedElsewhere.of(engine.store(), deployment, instance);
      List<LiveResource> found = new ArrayList<>();
      List<String> typeOf = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      Set<String> names = new HashSet<>(existing.keySet());
      for (ResourceType type : types) {
        Provider provider = engine.registry().providerFor(type.name(), instance);
        List<LiveResource> objects;
        try {
          objects = provider.importAll(type);
        } catch (UnsupportedOperationException e) {
          notes.add(type.name() + ": skipped (" + e.getMessage() + ")");
          continue;
        }
        for (LiveResource r : objects) {
          if (onlyId != null && !onlyId.equals(r.id())) {
            continue;
          }
          if (mine.contains(type.name() + "\u0000" + r.id())) {
            continue; // already in this deployment
          }
          String owner = managed.owner(type.name(), r.id());
          if (owner != null && !adopt) {
            notes.add(
                type.name()
                    + " "
                    + r.name()
                    + ": skipped, deployment '"
                    + owner
                    + "' manages it (--force adopts it anyway)");
            continue;
          }
          String name = r.name();
          for (int i = 2; !names.add(name); i++) {
            name = r.name() + "-" + i;
          }
          found.add(new LiveResource(name, r.id(), r.properties(), r.outputs()));
          typeOf.add(type.name());
        }
      }
      if (onlyId != null && found.isEmpty() && notes.isEmpty()) {
        throw new ProviderException(
            "no object with id " + onlyId + " of " + types.get(0).name() + " on " + instance);
      }
      List<LiveResource> linked = ImportLinks.link(found, existing.values());
      record(engine.store(), engine, deployment, instance, found, linked, typeOf);
      // the whole deployment: what it had (as recorded, with its references) and what was added
      List<LiveResource> all = new ArrayList<>();
      List<String> allTypes = new ArrayList<>();
      for (var c :
          io.mcpiac.engine.checkpoints.RecordedDeployment.asRestorable(
                  deployment, existing.values())
              .resources()) {
        ObjectNode props = c.properties().deepCopy();
        List<String> secret = new ArrayList<>();
        props
            .fields()
            .forEachRemaining(
                e -> {
                  if (Values.isSensitive(e.getValue())) {
                    secret.add(e.getKey());
                  }
                });
        props.remove(secret);
        all.add(new LiveResource(c.name(), null, props, null));
        allTypes.add(c.type());
      }
      all.addAll(linked);
      allTypes.addAll(typeOf);
      return new Result(yaml(deployment, instance, all, allTypes), found.size(), notes);
    }
  }

  private static void record(
      StateStore store,
      Engine engine,
      String deployment,
      String instance,
      List<LiveResource> found,
      List<LiveResource> linked,
      List<String> typeOf) {
    if (found.isEmpty()) {
      return;
    }
    long version = store.beginVersion(deployment);
    List<JournalEntry> intents = new ArrayList<>();
    List<ResourceRecord> records = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      LiveResource r = found.get(i);
      ResourceType type = engine.registry().type(typeOf.get(i)).orElseThrow();
      ResourceRecord rec =
          new ResourceRecord(
              r.name(),
              type.name(),
              instance,
              r.id(),
              Values.redact(type, Planner.salt(deployment, r.name()), r.properties()),
              r.outputs() == null ? Json.object() : r.outputs(),
              ImportLinks.dependencies(linked.get(i)),
              ResourceState.CREATED);
      records.add(rec);
      intents.add(
          new JournalEntry(
              0,
              deployment,
              version,
              "import",
              Change.Kind.CREATE,
              r.name(),
              type.name(),
              instance,
              r.id(),
              Json.MAPPER.valueToTree(rec),
              JournalEntry.Status.INTENT,
              null,
              Instant.now(),
              null));
    }
    List<JournalEntry> written = store.journalIntents(intents);
    for (int i = 0; i < written.size(); i++) {
      store.journalFinish(
          written.get(i).id(),
          JournalEntry.Status.DONE,
          null,
          deployment,
          version,
          records.get(i),
          null);
    }
  }

  static String yaml(
      String deployment, String instance, List<LiveResource> found, List<String> typeOf) {
    ObjectNode doc = Json.object();
    doc.put("apiVersion", "iac.mcp/v1");
    doc.put("kind", "Deployment");
    doc.putObject("metadata").put("name", deployment);
    ObjectNode spec = doc.putObject("spec");
    boolean defaultInstance = !instance.contains("/");
    if (!defaultInstance) {
      spec.putObject("providers").putObject(instance);
    }
    ArrayNode resources = spec.putArray("resources");
    for (int i = 0; i < found.size(); i++) {
      LiveResource r = found.get(i);
      ObjectNode res = resources.addObject();
      res.put("type", typeOf.get(i));
      res.put("name", r.name());
      if (!defaultInstance) {
        res.put("provider", instance);
      }
      res.set("properties", r.properties());
    }
    try {
      return "# Imported by mcp-iac import on "
          + Instant.now()
          + "; `mcp-iac plan -f` on this file shows no changes.\n"
          + YAML.writeValueAsString(doc);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
