package io.mcpiac.engine.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentGraph;
import io.mcpiac.engine.config.Diagnostic;
import io.mcpiac.engine.config.DiagnosticCodes;
import io.mcpiac.engine.config.ExternalValues;
import io.mcpiac.engine.config.Reference;
import io.mcpiac.engine.config.References;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.config.SecretKeys;
import io.mcpiac.engine.config.SourceLocation;
import io.mcpiac.engine.dag.DependencyGraph;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.SecretValues;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.ResourceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * Desired configuration × recorded state × a live read → a {@link Plan}. Pure: it changes nothing
 * anywhere. The configuration must have passed validation.
 */
public final class Planner {
  private final ProviderRegistry registry;
  private final Function<String, Optional<ObjectNode>> outputsOf;

  public Planner(ProviderRegistry registry) {
    this(registry, name -> Optional.empty());
  }

  /**
   * @param outputsOf other deployments' recorded outputs, for {@code ${deployment:NAME.outputs.x}}
   */
  public Planner(ProviderRegistry registry, Function<String, Optional<ObjectNode>> outputsOf) {
    this.registry = registry;
    this.outputsOf = outputsOf;
  }

  /** Plans {@code deployment} against {@code recorded}, reading what is live first. */
  public Plan plan(Deployment deployment, DeploymentState recorded) {
    return plan(deployment, recorded, LiveRead.of(registry, recorded.resources().values()));
  }

  /** Plans the removal of everything recorded. */
  public Plan planDestroy(DeploymentState recorded) {
    Deployment empty =
        new Deployment(recorded.name(), Map.of(), List.of(), new SourceLocation("<destroy>", 0));
    return plan(empty, recorded);
  }

  public Plan plan(Deployment deployment, DeploymentState recorded, LiveRead live) {
    DependencyGraph graph = DeploymentGraph.of(deployment);
    Map<String, ResourceConfig> configs = new LinkedHashMap<>();
    deployment.resources().forEach(r -> configs.put(r.name(), r));

    Map<String, Target> targets = new HashMap<>();
    Map<String, PlannedAction> actions = new LinkedHashMap<>();
    Context context =
        new Context(
            deployment.name(),
            graph,
            recorded,
            live,
            targets,
            new ExternalValues(deployment, outputsOf, System::getenv),
            new SecretKeys(deployment, registry::type),
            new SecretValues());
    context.secretKeys().collect(context.externals(), context.secrets());
    for (String name : graph.order()) {
      actions.put(name, planResource(configs.get(name), context));
    }
    Map<String, List<String>> recordedDependents = new HashMap<>();
    for (ResourceRecord record : recorded.resources().values()) {
      for (String dep : record.dependencies()) {
        recordedDependents.computeIfAbsent(dep, k -> new ArrayList<>()).add(record.name());
      }
    }
    for (ResourceRecord record : recorded.resources().values()) {
      if (!configs.containsKey(record.name())) {
        actions.put(
            record.name(),
            planDelete(record, recordedDependents.getOrDefault(record.name(), List.of()), live));
      }
    }
    List<PlannedAction> withStages = new ArrayList<>();
    List<List<String>> stages = stages(actions);
    Map<String, Integer> stageOf = new HashMap<>();
    for (int i = 0; i < stages.size(); i++) {
      for (String n : stages.get(i)) {
        stageOf.put(n, i);
      }
    }
    for (PlannedAction a : actions.values()) {
      withStages.add(withStage(a, stageOf.getOrDefault(a.name(), -1)));
    }
    List<String> warnings = new ArrayList<>();
    long drifted = withStages.stream().filter(a -> !a.drift().isEmpty()).count();
    if (drifted > 0) {
      warnings.add(
          drifted
              + (drifted == 1 ? " resource has" : " resources have")
              + " drifted: changed outside mcp-iac since the last apply");
    }
    return new Plan(
        "plan-" + UUID.randomUUID().toString().substring(0, 8),
        deployment.name(),
        Instant.now(),
        recorded.version(),
        live.fingerprint(),
        withStages,
        stages,
        deployment,
        warnings);
  }

  /** What a resource looks like to the resources that reference it, at plan time. */
  private record Target(ResourceType type, String id, ObjectNode properties, ObjectNode outputs) {}

  /** What every resource's plan is made from. */
  private record Context(
      String deploymentName,
      DependencyGraph graph,
      DeploymentState recorded,
      LiveRead live,
      Map<String, Target> targets,
      ExternalValues externals,
      SecretKeys secretKeys,
      SecretValues secrets) {}

  private PlannedAction planResource(ResourceConfig config, Context context) {
    String deploymentName = context.deploymentName();
    DeploymentState recorded = context.recorded();
    LiveRead live = context.live();
    Map<String, Target> targets = context.targets();
    Provider provider = registry.providerFor(config.type(), config.provider());
    ResourceType type =
        provider
            .resourceType(config.type())
            .orElseThrow(() -> new IllegalStateException("unknown type " + config.type()));
    ObjectNode resolved = resolve(config, context);
    Set<String> secretKeys = new LinkedHashSet<>(context.secretKeys().of(config.name()));
    secretKeys.addAll(context.secrets().keysCarrying(resolved));
    secretKeys.forEach(key -> context.secrets().add(resolved.get(key)));
    ObjectNode shown = Values.redact(secretKeys, salt(deploymentName, config.name()), resolved);
    List<String> deps = new ArrayList<>(context.graph().dependenciesOf(config.name()));
    deps.addAll(otherDeployments(config));
    ResourceRecord record = recorded.resources().get(config.name());
    LiveResource actual = record == null ? null : live.get(config.name());

    ActionType action;
    String reason;
    List<PropertyChange> changes = new ArrayList<>();
    List<PropertyChange> drift = new ArrayList<>();
    ObjectNode outputs;
    if (record == null) {
      action = ActionType.CREATE;
      reason = "not in state";
      changes.addAll(allProperties(null, shown));
      outputs = withUnknownOutputs(type, provider.plannedOutputs(type, resolved, null));
    } else if (actual == null) {
      action = ActionType.CREATE;
      reason = "deleted outside mcp-iac";
      drift.add(new PropertyChange("(resource)", Json.MAPPER.valueToTree("exists"), null, false));
      changes.addAll(allProperties(null, shown));
      outputs = withUnknownOutputs(type, provider.plannedOutputs(type, resolved, null));
    } else {
      drift.addAll(drift(secretKeys, record, actual));
      ObjectNode before = current(secretKeys, record, actual);
      changes.addAll(diff(type, before, shown));
      String forcing =
          changes.stream()
              .filter(PropertyChange::forcesReplacement)
              .map(PropertyChange::path)
              .findFirst()
              .orElse(null);
      boolean moved =
          !record.type().equals(config.type())
              || !record.provider().equals(config.providerInstance());
      if (moved) {
        action = ActionType.REPLACE;
        reason = "moved to " + config.providerInstance() + " " + config.type();
      } else if (forcing != null) {
        action = ActionType.REPLACE;
        reason = forcing + " forces replacement";
      } else if (!changes.isEmpty()) {
        action = ActionType.UPDATE;
        reason = "properties changed";
      } else {
        action = ActionType.NO_OP;
        reason = "up to date";
      }
      ObjectNode liveOutputs = actual.outputs() != null ? actual.outputs() : record.outputs();
      outputs =
          switch (action) {
            case NO_OP -> Json.copy(liveOutputs);
            case UPDATE ->
                withUnknownOutputs(type, provider.plannedOutputs(type, resolved, liveOutputs));
            default -> withUnknownOutputs(type, provider.plannedOutputs(type, resolved, null));
          };
    }
    targets.put(
        config.name(),
        new Target(type, record == null || actual == null ? null : record.id(), resolved, outputs));
    return new PlannedAction(
        config.name(),
        config.type(),
        config.providerInstance(),
        action,
        record == null || actual == null ? null : record.id(),
        deps,
        shown,
        record == null ? null : record.properties(),
        record == null ? Json.object() : record.outputs(),
        context.secrets().redactOutputs(salt(deploymentName, config.name()), outputs),
        changes,
        drift,
        reason,
        -1);
  }

  /**
   * A delete waits for every action on a resource that depended on it ({@code dependents}): they
   * must stop using it (be updated, replaced or deleted) before it goes.
   */
  private PlannedAction planDelete(ResourceRecord record, List<String> dependents, LiveRead live) {
    List<String> waitFor = List.copyOf(dependents);
    boolean gone = live.get(record.name()) == null;
    return new PlannedAction(
        record.name(),
        record.type(),
        record.provider(),
        ActionType.DELETE,
        record.id(),
        waitFor,
        null,
        record.properties(),
        record.outputs(),
        Json.object(),
        allProperties(record.properties(), null),
        List.of(),
        gone ? "removed from the configuration; already gone" : "removed from the configuration",
        -1);
  }

  /**
   * The properties with references resolved: other resources' values as planned, external values
   * (secrets, sensitive variables, other deployments' outputs) read now, only to compute what state
   * and the plan keep of them (a digest where they are secret).
   */
  private static ObjectNode resolve(ResourceConfig config, Context context) {
    try {
      return References.resolveObject(
          config.properties(),
          ref -> {
            if (!ref.isExternal()) {
              return lookup(ref, context.targets());
            }
            JsonNode value = context.externals().value(ref);
            if (!ref.isDeploymentOutput()) {
              context.secrets().add(value);
            }
            return value;
          });
    } catch (ExternalValues.UnavailableValueException e) {
      throw new ConfigException(
          List.of(
              new Diagnostic(
                  DiagnosticCodes.UNAVAILABLE_VALUE,
                  config.location(),
                  config.name(),
                  null,
                  e.getMessage())));
    }
  }

  /** {@code deployment:NAME} for every other deployment whose outputs the resource reads. */
  private static List<String> otherDeployments(ResourceConfig config) {
    Set<String> out = new LinkedHashSet<>();
    for (Reference ref : References.find(config.properties())) {
      if (ref.isDeploymentOutput()) {
        out.add(Reference.DEPLOYMENT + ":" + ref.name());
      }
    }
    return List.copyOf(out);
  }

  private static JsonNode lookup(Reference ref, Map<String, Target> targets) {
    Target target = targets.get(ref.name());
    if (target == null) {
      return null;
    }
    boolean isOutput = target.type().outputs().containsKey(ref.attributeRoot());
    if (!isOutput && ref.attribute().equals("id") && !target.properties().has("id")) {
      return target.id() == null ? Values.UNKNOWN : TextNode.valueOf(target.id());
    }
    JsonNode base = isOutput ? target.outputs() : target.properties();
    JsonNode value = References.at(base, ref.attribute());
    if (value == null) {
      return isOutput ? Values.UNKNOWN : Json.MAPPER.nullNode();
    }
    return value;
  }

  private static ObjectNode withUnknownOutputs(ResourceType type, ObjectNode known) {
    ObjectNode out = Json.copy(known);
    for (String output : type.outputs().keySet()) {
      if (!out.has(output)) {
        out.set(output, Values.UNKNOWN);
      }
    }
    return out;
  }

  /** The properties as they are: live where the provider reads them, recorded otherwise. */
  private static ObjectNode current(
      Set<String> secretKeys, ResourceRecord record, LiveResource actual) {
    ObjectNode out = Json.copy(record.properties());
    if (actual.properties() != null) {
      for (Iterator<String> it = record.properties().fieldNames(); it.hasNext(); ) {
        String key = it.next();
        JsonNode liveValue = actual.properties().get(key);
        if (liveValue != null && !secretKeys.contains(key)) {
          out.set(key, liveValue);
        }
      }
    }
    return out;
  }

  private static List<PropertyChange> drift(
      Set<String> secretKeys, ResourceRecord record, LiveResource actual) {
    List<PropertyChange> out = new ArrayList<>();
    if (actual.properties() == null) {
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = record.properties().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode liveValue = actual.properties().get(e.getKey());
      if (liveValue != null
          && !secretKeys.contains(e.getKey())
          && !Json.sameValue(e.getValue(), liveValue)) {
        out.add(new PropertyChange(e.getKey(), e.getValue(), liveValue, false));
      }
    }
    return out;
  }

  private static List<PropertyChange> diff(ResourceType type, ObjectNode before, ObjectNode after) {
    Set<String> keys = new TreeSet<>();
    before.fieldNames().forEachRemaining(keys::add);
    after.fieldNames().forEachRemaining(keys::add);
    List<PropertyChange> out = new ArrayList<>();
    for (String key : keys) {
      JsonNode b = before.get(key);
      JsonNode a = after.get(key);
      boolean changed = Values.containsUnknown(a) || !Json.sameValue(b, a);
      if (changed) {
        out.add(new PropertyChange(key, b, a, type.replaceOnChange().contains(key)));
      }
    }
    return out;
  }

  private static List<PropertyChange> allProperties(ObjectNode before, ObjectNode after) {
    ObjectNode source = after != null ? after : before;
    List<PropertyChange> out = new ArrayList<>();
    Set<String> keys = new TreeSet<>();
    source.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      out.add(
          new PropertyChange(
              key,
              before == null ? null : before.get(key),
              after == null ? null : after.get(key),
              false));
    }
    return out;
  }

  /** Waves of the actions that change something: the seed's stage picture of the plan. */
  private static List<List<String>> stages(Map<String, PlannedAction> actions) {
    DependencyGraph graph = new DependencyGraph();
    Set<String> changing = new LinkedHashSet<>();
    actions.values().stream()
        .filter(PlannedAction::changesSomething)
        .forEach(a -> changing.add(a.name()));
    for (String name : changing) {
      graph.addNode(name);
      for (String dep : actions.get(name).dependencies()) {
        if (changing.contains(dep)) {
          graph.addEdge(name, dep);
        }
      }
    }
    return graph.waves();
  }

  private static PlannedAction withStage(PlannedAction a, int stage) {
    return new PlannedAction(
        a.name(),
        a.type(),
        a.provider(),
        a.action(),
        a.id(),
        a.dependencies(),
        a.properties(),
        a.prior(),
        a.priorOutputs(),
        a.plannedOutputs(),
        a.changes(),
        a.drift(),
        a.reason(),
        stage);
  }

  /** The salt of a resource's secret digests. */
  public static String salt(String deployment, String resource) {
    return deployment + "/" + resource;
  }
}
