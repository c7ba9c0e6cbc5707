package io.mcpiac.engine.plans;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One warning of a plan, typed so that the renderer, the plan JSON and the MCP answers tell kinds
 * apart by a field instead of by the wording of a message.
 *
 * @param kind what the warning is about
 * @param resource the resource's address, or null for a plan-wide warning
 * @param property the property path, or null when the warning is about the whole resource
 * @param message the warning, without the resource's name
 */
public record PlanWarning(Kind kind, String resource, String property, String message) {
  /** Completes a {@link Kind#RISK} warning's text before the resource's name. */
  public static final String RISK_PREFIX = "apply will refuse this plan: ";

  /** What a warning is about. */
  public enum Kind {
    /** A provider's plan-time check: the system accepts the value, the service likely breaks. */
    PROVIDER,
    /** Resources changed outside mcp-iac since the last apply. */
    DRIFT,
    /** Apply will refuse the plan unless the risk is accepted. */
    RISK,
    /** An advisory policy violation, or a policy exception in force (never silent). */
    POLICY,
    /** Anything else worth knowing: targeting, moved resources, pending activations. */
    NOTE
  }

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public PlanWarning(
      @JsonProperty("kind") Kind kind,
      @JsonProperty("resource") String resource,
      @JsonProperty("property") String property,
      @JsonProperty("message") String message) {
    this.kind = kind == null ? Kind.NOTE : kind;
    this.resource = resource;
    this.property = property;
    this.message = message;
  }

  /** A provider's warning about one resource. */
  public static PlanWarning provider(String resource, String message) {
    return new PlanWarning(Kind.PROVIDER, resource, null, message);
  }

  /** A risk apply refuses; {@code message} says how to accept it. */
  public static PlanWarning risk(String resource, String message) {
    return new PlanWarning(Kind.RISK, resource, null, message);
  }

  public static PlanWarning drift(String message) {
    return new PlanWarning(Kind.DRIFT, null, null, message);
  }

  /** A policy's advisory finding, or an exception in force, about {@code resource}. */
  public static PlanWarning policy(String resource, String property, String message) {
    return new PlanWarning(Kind.POLICY, resource, property, message);
  }

  public static PlanWarning note(String message) {
    return new PlanWarning(Kind.NOTE, null, null, message);
  }

  /** A plan file written before warnings were typed held their text only. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static PlanWarning fromText(String text) {
    return note(text);
  }

  /** The warning as one line, as the plan has always shown it. */
  @JsonIgnore
  public String text() {
    return switch (kind) {
      case PROVIDER -> "resource '" + resource + "': " + message;
      case RISK -> RISK_PREFIX + resource + ": " + message;
      case POLICY ->
          "policy: "
              + (resource == null ? "" : "resource '" + resource + "'")
              + (property == null ? "" : " " + property)
              + (resource == null ? "" : ": ")
              + message;
      case DRIFT, NOTE -> message;
    };
  }
}
