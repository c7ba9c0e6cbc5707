package io.mcpiac.mcp.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.mcp.envelope.ErrorCode;
import io.mcpiac.mcp.envelope.ToolFailure;

/**
 * The argument names of the standard tools, and reading them as the server does: a missing required
 * argument is VALIDATION_FAILED naming it. The records of {@link ToolArguments} write these names;
 * the server's tools read them through here.
 */
public final class Arguments {
  public static final String DEPLOYMENT_ID = "deploymentId";
  public static final String RESOURCES = "resources";

  /**
   * A resource's secret properties the caller does not send and the server keeps as it holds them:
   * the orchestrator restating an untouched resource whose secret the server answers masked and the
   * run cannot give. The server refuses the plan if it would have to write that resource.
   */
  public static final String KEEP_SECRETS = "keepSecrets";

  public static final String PLAN_ID = "planId";
  public static final String CONFIRM = "confirm";
  public static final String WAIT = "wait";
  public static final String OPTIONS = "options";
  public static final String DESCRIPTION = "description";
  public static final String SNAPSHOT_ID = "snapshotId";
  public static final String CHECKPOINT_ID = "checkpointId";

  private Arguments() {}

  /** The text of an argument, or null when it is absent or JSON null. */
  public static String string(JsonNode args, String name) {
    JsonNode v = args.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** The text of a required argument. */
  public static String requireString(JsonNode args, String name) {
    String v = string(args, name);
    if (v == null || v.isBlank()) {
      throw new ToolFailure(ErrorCode.VALIDATION_FAILED, "the argument '" + name + "' is required");
    }
    return v;
  }

  public static boolean bool(JsonNode args, String name, boolean fallback) {
    JsonNode v = args.get(name);
    return v == null || v.isNull() ? fallback : v.asBoolean(fallback);
  }

  /** The {@code options} object, or an empty one. */
  public static JsonNode options(JsonNode args) {
    JsonNode o = args.get(OPTIONS);
    return o != null && o.isObject() ? o : io.mcpiac.engine.json.Json.object();
  }
}
