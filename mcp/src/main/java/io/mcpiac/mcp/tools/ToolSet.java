package io.mcpiac.mcp.tools;

import io.mcpiac.mcp.protocol.Arguments;
import io.mcpiac.mcp.protocol.StandardTool;
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
    all.add(new PlanDeploymentTool(ctx, StandardTool.PLAN_DEPLOYMENT.toolName(), null));
    all.add(new ApplyDeploymentTool(ctx, StandardTool.APPLY_DEPLOYMENT.toolName(), null));
    all.add(new DestroyDeploymentTool(ctx));
    all.add(new GetDeploymentStateTool(ctx));
    all.add(new ListResourcesTool(ctx));
    all.add(new GetResourceTool(ctx));
    all.add(new ValidateConfigTool(ctx));
    all.add(new CreateCheckpointTool(ctx, StandardTool.CREATE_SNAPSHOT.toolName(), true));
    all.add(
        new RestoreCheckpointTool(
            ctx, StandardTool.ROLLBACK_TO_SNAPSHOT.toolName(), Arguments.SNAPSHOT_ID));
    all.add(new CreateCheckpointTool(ctx, StandardTool.CREATE_CHECKPOINT.toolName(), false));
    all.add(
        new RestoreCheckpointTool(
            ctx, StandardTool.RESTORE_CHECKPOINT.toolName(), Arguments.CHECKPOINT_ID));
    all.add(new ListCheckpointsTool(ctx));
    all.add(new CancelDeploymentTool(ctx));
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
