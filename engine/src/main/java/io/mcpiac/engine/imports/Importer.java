package io.mcpiac.engine.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.resources.ResourceState;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.engine.states.JournalEntry;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateLock;
import io.mcpiac.engine.states.StateStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Adopts what a provider instance already has into a new deployment: a deployment file listing
 * every object with its properties, and the same objects recorded in state (journalled like any
 * other change), so that planning the file right afterwards shows no changes. The command line's
 * {@code import} and the MCP servers' {@code importResources} both come here.
 */
public final class Importer {
  private Importer() {}

  /** What an import found: the deployment file's text, what it holds, and what was skipped. */
  public record Result(String yaml, int resources, List<String> notes) {}

  /**
   * The types of {@code instance} named by {@code names}; every type of the instance when {@code
   * names} is empty.
   *
   * @throws NoSuchElementException naming the instance or type that does not exist
   */
  public static List<ResourceType> types(
      ProviderRegistry registry, String instance, List<String> names) {
    Provider provider =
        registry
            .instance(instance)
            .orElseThrow(() -> new NoSuchElementException("no provider for instance " + instance));
    if (names.isEmpty()) {
      return List.copyOf(provider.resourceTypes());
    }
    List<ResourceType> chosen = new ArrayList<>();
    for (String name : names) {
      chosen.add(
          provider
              .resourceType(name)
              .orElseThrow(
                  () ->
                      new NoSuchElementException("provider " + instance + " has no type " + name)));
    }
    return chosen;
  }

  /**
   * How to import.
   *
   * @param adopt also take objects another deployment already manages (otherwise skipped, noted)
   * @param onlyId adopt only the object with this id (null: all)
   * @param adoptHint how the caller asks for {@code adopt} ({@code --force}, {@code adopt: true}),
   *     named in the note of a skipped object
   */
  public record Options(boolean adopt, String onlyId, String adoptHint) {
    /** Every object no other deployment manages; the command line's wording. */
    public static final Options DEFAULTS = new Options(false, null, "--force");
  }

  public static Result run(
      Engine engine, String deployment, String instance, List<ResourceType> types) {
    return run(engine, deployment, instance, types, Options.DEFAULTS);
  }

  /**
   * Into an existing deployment, the objects are added (what it already has is left out) and the
   * file written holds the whole deployment.
   */
  public static Result run(
      Engine engine,
      String deployment,
      String instance,
      List<ResourceType> types,
      Options options) {
    boolean adopt = options.adopt();
    String onlyId = options.onlyId();
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
                    + "' manages it ("
                    + options.adoptHint()
                    + " adopts it anyway)");
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
      record(engine, deployment, instance, found, linked, typeOf);
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
      return new Result(
          ImportedFile.yaml(deployment, instance, all, allTypes), found.size(), notes);
    }
  }

  private static void record(
      Engine engine,
      String deployment,
      String instance,
      List<LiveResource> found,
      List<LiveResource> linked,
      List<String> typeOf) {
    if (found.isEmpty()) {
      return;
    }
    StateStore store = engine.store();
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
              Values.redact(type, Values.salt(deployment, r.name()), r.properties()),
              r.outputs() == null ? Json.object() : r.outputs(),
              ImportLinks.dependencies(linked.get(i)),
              ResourceState.CREATED);
      records.add(rec);
      intents.add(
          JournalEntry.intent(
              deployment, version, JournalEntry.Phase.IMPORT, Change.Kind.CREATE, rec));
    }
    List<JournalEntry> written = store.journalIntents(intents);
    for (int i = 0; i < written.size(); i++) {
      store.journalFinish(written.get(i), JournalEntry.Status.DONE, null, records.get(i), null);
    }
  }
}
