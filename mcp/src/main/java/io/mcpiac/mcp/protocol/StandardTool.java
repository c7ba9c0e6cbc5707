package io.mcpiac.mcp.protocol;

/**
 * The seeds' standard IaC tools, named once: the server registers its tools under these names and
 * the orchestrator's client calls them by these names. A provider's own extra tools are not here.
 */
public enum StandardTool {
  PLAN_DEPLOYMENT("planDeployment"),
  APPLY_DEPLOYMENT("applyDeployment"),
  DESTROY_DEPLOYMENT("destroyDeployment"),
  GET_DEPLOYMENT_STATE("getDeploymentState"),
  LIST_RESOURCES("listResources"),
  GET_RESOURCE("getResource"),
  VALIDATE_CONFIG("validateConfig"),
  CREATE_SNAPSHOT("createSnapshot"),
  ROLLBACK_TO_SNAPSHOT("rollbackToSnapshot"),
  CREATE_CHECKPOINT("createCheckpoint"),
  RESTORE_CHECKPOINT("restoreCheckpoint"),
  LIST_CHECKPOINTS("listCheckpoints"),
  CANCEL_DEPLOYMENT("cancelDeployment");

  private final String toolName;

  StandardTool(String toolName) {
    this.toolName = toolName;
  }

  /** The name MCP clients call it by; never changes. */
  public String toolName() {
    return toolName;
  }
}
