package io.mcpiac.mcp.tools;

import io.mcpiac.engine.providers.ScopedEntryPoints;
import io.mcpiac.mcp.protocol.Arguments;
import io.mcpiac.mcp.protocol.StandardTool;
import java.util.ArrayList;
import java.util.List;

/** The seeds' standard IaC tool set, for one server's providers. */
public final class ToolSet {
  private ToolSet() {}

  /**
   * @param readOnly leave out every tool that changes state or infrastructure
   */
  public static List<IacTool> of(ToolContext ctx, boolean readOnly) {
    List<IacTool> all = new ArrayList<>();
    all.add(new PlanDeploymentTool(ctx));
    all.add(new ApplyDeploymentTool(ctx));
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
    all.add(new ImportResourcesTool(ctx));
    if (ctx.policies() != io.mcpiac.engine.policies.PolicyService.NONE) {
      all.add(new CheckComplianceTool(ctx));
    }
    all.addAll(scoped(ctx));
    if (readOnly) {
      all.removeIf(t -> t.effect() != IacTool.Effect.READ_ONLY);
    }
    return List.copyOf(all);
  }

  /**
   * The entry points the registered providers declare for their own types (the seed's
   * planNetworkDeployment and applyNetworkDeployment come from the firewall provider).
   */
  private static List<IacTool> scoped(ToolContext ctx) {
    List<IacTool> out = new ArrayList<>();
    ctx.engine()
        .registry()
        .scopedEntryPoints()
        .forEach(
            (provider, entries) -> {
              for (ScopedEntryPoints e : entries) {
                out.add(PlanDeploymentTool.scoped(ctx, provider, e));
                out.add(ApplyDeploymentTool.scoped(ctx, provider, e));
              }
            });
    return out;
  }
}
