package io.mcpiac.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.ResourceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every control (rule) of a pack against a deployment: its configuration, and its applied state
 * where the configuration does not know a value (an output resolved at apply) or is not given
 * ({@code compliance report NAME}). A control passes, fails, is exempt (with the reason), not
 * evaluated (a value not known yet) or not applicable (no resource of its types).
 *
 * @param score passing controls out of those that pass or fail, in percent (100 with none)
 */
public record ComplianceReport(
    String pack,
    String packDescription,
    String deployment,
    Instant generatedAt,
    List<Control> controls,
    int score) {

  /** What a control comes to, worst first. */
  public enum Status {
    FAIL,
    NOT_EVALUATED,
    EXEMPT,
    PASS,
    NOT_APPLICABLE
  }

  /** One rule of the pack, with what it found on each resource. */
  public record Control(
      String id,
      String policy,
      String rule,
      String title,
      String severity,
      String enforcement,
      Status status,
      List<Result> results) {}

  /** One resource under one control. */
  public record Result(
      String resource,
      String type,
      Status status,
      String message,
      String file,
      int line,
      String property,
      String remediation) {}

  public ComplianceReport {
    controls = List.copyOf(controls);
  }

  /**
   * @param configuration the deployment as written, or null for the applied state alone
   * @param recorded the applied state, or null when nothing is applied yet
   */
  public static ComplianceReport of(
      Packs.Pack pack,
      List<Policy> policies,
      Deployment configuration,
      DeploymentState recorded,
      Map<String, List<Subject.Exemption>> exemptions) {
    List<Subject> subjects = subjects(configuration, recorded, exemptions);
    String name =
        configuration != null ? configuration.name() : recorded == null ? null : recorded.name();
    List<Finding> findings = Evaluator.evaluate(policies, subjects, name, true);
    Map<String, List<Finding>> byControl = new LinkedHashMap<>();
    for (Policy p : policies) {
      for (Rule r : p.rules()) {
        byControl.put(p.name() + "/" + r.id(), new ArrayList<>());
      }
    }
    findings.forEach(f -> byControl.get(f.policy().name() + "/" + f.rule().id()).add(f));
    List<Control> controls = new ArrayList<>();
    int pass = 0;
    int fail = 0;
    for (Policy p : policies) {
      for (Rule r : p.rules()) {
        List<Finding> fs = byControl.get(p.name() + "/" + r.id());
        List<Result> results = new ArrayList<>();
        Status worst = Status.NOT_APPLICABLE;
        for (Finding f : fs) {
          Status s = status(f.status());
          if (s.ordinal() < worst.ordinal()) {
            worst = s;
          }
          if (f.status() == Finding.Status.NOT_APPLICABLE) {
            continue;
          }
          var v = f.subject() == null ? null : f.violation();
          results.add(
              new Result(
                  f.resource(),
                  f.subject() == null ? null : f.subject().type(),
                  s,
                  f.message(),
                  v == null ? null : v.file(),
                  v == null ? 0 : v.line(),
                  v == null ? null : v.property(),
                  s == Status.FAIL ? r.remediation() : null));
        }
        if (Policy.DISABLED.equals(p.enforcement())) {
          worst = Status.NOT_APPLICABLE;
        }
        if (worst == Status.PASS || worst == Status.EXEMPT) {
          pass++;
        } else if (worst == Status.FAIL) {
          fail++;
        }
        controls.add(
            new Control(
                r.control() == null ? r.id() : r.control(),
                p.name(),
                r.id(),
                r.title() == null ? r.message() : r.title(),
                r.severity(),
                p.enforcement(),
                worst,
                results));
      }
    }
    int score = pass + fail == 0 ? 100 : Math.round(100f * pass / (pass + fail));
    return new ComplianceReport(
        pack.name(), pack.description(), name, Instant.now(), controls, score);
  }

  /**
   * The report for a built-in pack.
   *
   * @throws io.mcpiac.engine.errors.NotFoundException for a pack that does not exist
   */
  public static ComplianceReport forPack(
      String pack,
      Deployment configuration,
      DeploymentState recorded,
      Map<String, List<Subject.Exemption>> exemptions) {
    Packs.Pack p = Packs.named(pack);
    PolicySet set = PolicySet.load(List.of(), List.of(), List.of(pack));
    if (!set.problems().isEmpty()) {
      throw new io.mcpiac.engine.config.ConfigException(set.problems());
    }
    return of(p, set.policies(), configuration, recorded, exemptions);
  }

  public long count(Status s) {
    return controls.stream().filter(c -> c.status() == s).count();
  }

  private static Status status(Finding.Status s) {
    return switch (s) {
      case PASS -> Status.PASS;
      case FAIL -> Status.FAIL;
      case EXEMPT -> Status.EXEMPT;
      case DEFERRED -> Status.NOT_EVALUATED;
      case NOT_APPLICABLE -> Status.NOT_APPLICABLE;
    };
  }

  /** Configured resources, with values only known after apply taken from the applied state. */
  private static List<Subject> subjects(
      Deployment configuration,
      DeploymentState recorded,
      Map<String, List<Subject.Exemption>> exemptions) {
    List<Subject> out = new ArrayList<>();
    Map<String, ResourceRecord> applied = recorded == null ? Map.of() : recorded.resources();
    if (configuration != null) {
      for (ResourceConfig r : configuration.resources()) {
        if (r.type().startsWith("core:")) {
          continue;
        }
        ObjectNode props = r.properties() == null ? Json.object() : r.properties().deepCopy();
        ResourceRecord rec = applied.get(r.name());
        if (rec != null && rec.properties() != null) {
          Subject written =
              Subject.of(
                  r.type(), r.name(), null, props, null, 0, Map.of(), List.of(), List.of(), null);
          for (String unknown : written.unknown()) {
            JsonNode v = rec.properties().get(unknown);
            if (v != null) {
              props.set(unknown, v);
            }
          }
        }
        out.add(
            Subject.of(
                r.type(),
                r.name(),
                r.providerInstance(),
                props,
                r.location().file(),
                r.location().line(),
                r.propertyLines(),
                exemptions.getOrDefault(r.name(), List.of()),
                r.dependsOn(),
                null));
      }
      return out;
    }
    for (ResourceRecord rec : applied.values()) {
      if (rec.type().startsWith("core:")) {
        continue;
      }
      out.add(
          Subject.of(
              rec.type(),
              rec.name(),
              rec.provider(),
              rec.properties(),
              null,
              0,
              Map.of(),
              recordedExemptions(recorded, rec.name()),
              rec.dependencies(),
              null));
    }
    return out;
  }

  /** Exceptions as the last apply recorded them (see {@link ExceptionRecord}). */
  private static List<Subject.Exemption> recordedExemptions(DeploymentState s, String resource) {
    List<Subject.Exemption> out = new ArrayList<>();
    s.resource(ExceptionRecord.NAME)
        .ifPresent(
            r ->
                r.properties()
                    .path("input")
                    .path(resource)
                    .forEach(
                        e ->
                            out.add(
                                new Subject.Exemption(
                                    e.path("rule").asText(), e.path("reason").asText()))));
    return out;
  }
}
