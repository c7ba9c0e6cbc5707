package io.mcpiac.mcp.tools;

import java.util.ArrayList;
import java.util.List;

/** The seeds' standard IaC tool set, for one server's providers. */
public final class ToolSet {
  /** The instance whose presence adds planNetworkDeployment and applyNetworkDeployment. */
  public static final String NETWORK_PROVIDER = "opnsense";

  private ToolSet() {}

  /**
   * @param readOnly leave out every tool that changes state or infrastructure
   */
  public static List<IacTool> of(ToolContext ctx, boolean readOnly) {
    List<IacTool> all = new ArrayList<>();
    all.add(new PlanDeploymentTool(ctx, "planDeployment", null));
    all.add(new ApplyDeploymentTool(ctx, "applyDeployment", null));
    all.add(new DestroyDeploymentTool(ctx));
    all.add(new GetDeploymentStateTool(ctx));
    all.add(new ListResourcesTool(ctx));
    all.add(new GetResourceTool(ctx));
    all.add(new ValidateConfigTool(ctx));
    all.add(new CreateCheckpointTool(ctx, "createSnapshot", true));
    all.add(new RestoreCheckpointTool(ctx, "rollbackToSnapshot", "snapshotId"));
    all.add(new CreateCheckpointTool(ctx, "createCheckpoint", false));
    all.add(new RestoreCheckpointTool(ctx, "restoreCheckpoint", "checkpointId"));
    all.add(new ListCheckpointsTool(ctx));
    all.add(new CancelDeploymentTool(ctx));
    all.add(new ImportResourcesTool(ctx));
    if (ctx.engine().registry().instance(NETWORK_PROVIDER).isPresent()) {
      all.add(new PlanDeploymentTool(ctx, "planNetworkDeployment", NETWORK_PROVIDER));
      all.add(new ApplyDeploymentTool(ctx, "applyNetworkDeployment", NETWORK_PROVIDER));
    }
    if (readOnly) {
      all.removeIf(t -> t.effect() != IacTool.Effect.READ_ONLY);
    }
    return List.copyOf(all);
  }
}
