package io.mcpiac.engine.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentGraph;
import io.mcpiac.engine.config.Diagnostic;
import io.mcpiac.engine.config.DiagnosticCodes;
import io.mcpiac.engine.config.ExternalValues;
import io.mcpiac.engine.config.Reference;
import io.mcpiac.engine.config.ReferenceTarget;
import io.mcpiac.engine.config.References;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.config.SourceLocation;
import io.mcpiac.engine.dag.DependencyGraph;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderProbe;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Secrets;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.Deposed;
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
import java.util.UUID;
import java.util.function.Function;

/**
 * Desired configuration × recorded state × a live read → a {@link Plan}. Pure: it changes nothing
 * anywhere. The configuration must have passed validation.
 */
public final class Planner {
  private final ProviderRegistry registry;
  private final Function<String, Optional<ObjectNode>> outputsOf;
  private final Set<String> replace;
  private final List<PendingActivation> pending;

  public Planner(ProviderRegistry registry) {
    this(registry, name -> Optional.empty(), Set.of(), List.of());
  }

  /**
   * @param outputsOf other deployments' recorded outputs, for {@code ${deployment:NAME.outputs.x}}
   * @param pending activation scopes whose last journalled activation did not succeed (see {@code
   *     StateStore.unactivated}): the plan shows them as drift whose one action is {@code activate}
   */
  public Planner(
      ProviderRegistry registry,
      Function<String, Optional<ObjectNode>> outputsOf,
      List<PendingActivation> pending) {
    this(registry, outputsOf, Set.of(), pending);
  }

  private Planner(
      ProviderRegistry registry,
      Function<String, Optional<ObjectNode>> outputsOf,
      Set<String> replace,
      List<PendingActivation> pending) {
    this.registry = registry;
    this.outputsOf = outputsOf;
    this.replace = Set.copyOf(replace);
    this.pending = List.copyOf(pending);
  }

  /** A planner that replaces these resources even when nothing changed ({@code --replace}). */
  public Planner replacing(Set<String> names) {
    return new Planner(registry, outputsOf, names, pending);
  }

  /**
   * Plans {@code deployment} against {@code recorded}, reading what is live first. Every provider
   * instance involved is probed first, even when state is empty (nothing to read yet).
   */
  public Plan plan(Deployment deployment, DeploymentState recorded) {
    return plan(deployment, recorded, false);
  }

  /**
   * As above; unless {@code force}, stops when most recorded objects of a provider instance are
   * gone (see {@link VanishGuard}).
   */
  public Plan plan(Deployment deployment, DeploymentState recorded, boolean force) {
    Map<String, String> instances = new LinkedHashMap<>();
    deployment.resources().forEach(r -> instances.putIfAbsent(r.providerInstance(), r.type()));
    recorded.resources().values().forEach(r -> instances.putIfAbsent(r.provider(), r.type()));
    ProviderProbe.require(registry, instances);
    LiveRead live = LiveRead.of(registry, recorded.resources().values());
    VanishGuard.check(registry, recorded.resources().values(), live, force);
    return plan(deployment, recorded, live);
  }

  /**
   * Plans the removal of everything recorded; {@code force}: even when most recorded objects of a
   * provider instance are gone.
   */
  public Plan planDestroy(DeploymentState recorded, boolean force) {
    Deployment empty =
        new Deployment(recorded.name(), Map.of(), List.of(), new SourceLocation("<destroy>", 0));
    LiveRead live = LiveRead.of(registry, recorded.resources().values());
    VanishGuard.check(registry, recorded.resources().values(), live, force);
    return plan(empty, recorded, live, "destroy");
  }

  public Plan plan(Deployment deployment, DeploymentState recorded, LiveRead live) {
    return plan(deployment, recorded, live, "removed from the configuration");
  }

  /** {@code deleteReason}: why recorded resources the configuration lacks go. */
  private Plan plan(
      Deployment configured, DeploymentState recorded, LiveRead live, String deleteReason) {
    ImpliedOrder.Result implied = PlannedOrder.arranged(registry, configured, recorded);
    Deployment deployment = implied.deployment();
    DependencyGraph graph = DeploymentGraph.of(deployment);
    Map<String, ResourceConfig> configs = new LinkedHashMap<>();
    deployment.resources().forEach(r -> configs.put(r.name(), r));

    Map<String, ReferenceTarget> targets = new HashMap<>();
    Map<String, PlannedAction> actions = new LinkedHashMap<>();
    List<PlanWarning> warnings = new ArrayList<>();
    ExternalValues externals = new ExternalValues(deployment, outputsOf, System::getenv);
    for (String name : graph.order()) {
      ResourceConfig config = configs.get(name);
      PlannedAction action =
          planResource(deployment, config, graph, recorded, live, targets, externals, warnings);
      actions.put(name, action);
    }
    Map<String, List<String>> recordedDependents = new HashMap<>();
    for (ResourceRecord record : recorded.resources().values()) {
      for (String dep : record.dependencies()) {
        recordedDependents.computeIfAbsent(dep, k -> new ArrayList<>()).add(record.name());
      }
    }
    for (ResourceRecord record : recorded.resources().values()) {
      if (configs.containsKey(record.name())) {
        continue;
      }
      List<String> dependents =
          new ArrayList<>(recordedDependents.getOrDefault(record.name(), List.of()));
      String reason = deleteReason;
      String replaced = Deposed.resourceOf(record.name()).orElse(null);
      if (replaced != null) {
        // what used the replaced resource may still use this old object: it moves first
        dependents.addAll(recordedDependents.getOrDefault(replaced, List.of()));
        reason = "deposed: the old object of " + replaced + "'s create-before-destroy replacement";
      }
      actions.put(record.name(), planDelete(record, dependents, live, reason));
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
    warnings.addAll(0, PlanRisks.warnings(registry, withStages));
    warnings.addAll(implied.notes());
    long drifted = withStages.stream().filter(a -> !a.drift().isEmpty()).count();
    if (drifted > 0) {
      warnings.add(
          PlanWarning.drift(
              drifted
                  + (drifted == 1 ? " resource has" : " resources have")
                  + " drifted: changed outside mcp-iac since the last apply"));
    }
    if (!pending.isEmpty()) {
      warnings.add(
          PlanWarning.note(
              "changes may be written but not active on " + pending + ": apply activates them"));
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
        warnings,
        pending);
  }

  private PlannedAction planResource(
      Deployment deployment,
      ResourceConfig config,
      DependencyGraph graph,
      DeploymentState recorded,
      LiveRead live,
      Map<String, ReferenceTarget> targets,
      ExternalValues externals,
      List<PlanWarning> warnings) {
    String deploymentName = deployment.name();
    Provider provider = registry.providerFor(config.type(), config.provider());
    ResourceType type =
        provider
            .resourceType(config.type())
            .orElseThrow(() -> new IllegalStateException("unknown type " + config.type()));
    ObjectNode resolved =
        deployment.markSensitive(
            config.name(),
            Secrets.markDeclared(
                type, provider.canonical(type, resolve(config, targets, externals))));
    for (String w : provider.warnings(type, config.name(), resolved)) {
      warnings.add(PlanWarning.provider(config.name(), w));
    }
    Set<String> secrets = Secrets.clearTexts(resolved);
    String salt = Values.salt(deploymentName, config.name());
    ObjectNode shown = Values.redact(type, salt, resolved);
    List<String> deps = new ArrayList<>(graph.dependenciesOf(config.name()));
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
      changes.addAll(PropertyDiff.allProperties(null, shown));
      outputs = withUnknownOutputs(type, provider.plannedOutputs(type, resolved, null));
    } else if (actual == null) {
      action = ActionType.CREATE;
      reason = "deleted outside mcp-iac";
      drift.add(new PropertyChange("(resource)", Json.MAPPER.valueToTree("exists"), null, false));
      changes.addAll(PropertyDiff.allProperties(null, shown));
      outputs = withUnknownOutputs(type, provider.plannedOutputs(type, resolved, null));
    } else {
      SchemaDefaults defaults = SchemaDefaults.of(type);
      drift.addAll(PropertyDiff.drift(type, defaults, record, actual, salt));
      ObjectNode before = PropertyDiff.current(type, defaults, record, actual, salt);
      for (PropertyChange secret :
          SecretDrift.of(provider, type, actual, resolved, shown, record.properties(), salt)) {
        drift.add(secret);
        before.set(secret.path(), secret.after());
      }
      changes.addAll(PropertyDiff.diff(type, before, defaults.fill(shown, before)));
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
      } else if (replace.contains(config.name())) {
        action = ActionType.REPLACE;
        reason = "replacement requested (--replace)";
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
            case NO_OP ->
                knownSecrets(liveOutputs, provider.plannedOutputs(type, resolved, liveOutputs));
            case UPDATE ->
                withUnknownOutputs(type, provider.plannedOutputs(type, resolved, liveOutputs));
            default -> withUnknownOutputs(type, provider.plannedOutputs(type, resolved, null));
          };
    }
    outputs = Secrets.taintObject(outputs, secrets);
    // a replacement's id is the new object's, unknown until apply: what refers to it moves with it
    String id =
        record == null || actual == null || action == ActionType.REPLACE ? null : record.id();
    targets.put(config.name(), new ReferenceTarget(type, id, resolved, outputs));
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
        outputs,
        changes,
        drift,
        reason,
        -1);
  }

  /**
   * A delete waits for every action on a resource that depended on it ({@code dependents}): they
   * must stop using it (be updated, replaced or deleted) before it goes.
   */
  private PlannedAction planDelete(
      ResourceRecord record, List<String> dependents, LiveRead live, String reason) {
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
        PropertyDiff.allProperties(record.properties(), null),
        List.of(),
        gone ? reason + "; already gone" : reason,
        -1);
  }

  /**
   * The properties with references resolved: other resources' values as planned, external values
   * (secrets, sensitive variables, other deployments' outputs) read now, only to compute what state
   * and the plan keep of them (a digest where they are secret).
   */
  private static ObjectNode resolve(
      ResourceConfig config, Map<String, ReferenceTarget> targets, ExternalValues externals) {
    try {
      return References.resolveObject(
          config.properties(),
          ref -> {
            if (ref.isExternal()) {
              return externals.value(ref);
            }
            ReferenceTarget target = targets.get(ref.name());
            return target == null ? null : target.value(ref);
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

  private static ObjectNode withUnknownOutputs(ResourceType type, ObjectNode known) {
    ObjectNode out = Json.copy(known);
    for (String output : type.outputs().keySet()) {
      if (!out.has(output)) {
        out.set(output, Values.UNKNOWN);
      }
    }
    return out;
  }

  /**
   * Live outputs, except where state only has a secret's digest and the configuration gives the
   * value again: references to the output must get the secret, not its digest.
   */
  private static ObjectNode knownSecrets(ObjectNode live, ObjectNode planned) {
    ObjectNode out = Json.copy(live);
    for (Iterator<Map.Entry<String, JsonNode>> it = live.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode again = planned == null ? null : planned.get(e.getKey());
      if (Values.isSensitive(e.getValue()) && again != null && !Values.containsUnknown(again)) {
        out.set(e.getKey(), again);
      }
    }
    return out;
  }

  /** Waves of the actions that change something: the seed's stage picture of the plan. */
  static List<List<String>> stages(Map<String, PlannedAction> actions) {
    return ActionGraph.of(actions.values()).waves();
  }

  static PlannedAction withStage(PlannedAction a, int stage) {
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
}
