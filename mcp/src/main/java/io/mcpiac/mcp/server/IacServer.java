package io.mcpiac.mcp.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.json.Json;
import io.mcpiac.mcp.envelope.Envelope;
import io.mcpiac.mcp.envelope.EnvelopeSchema;
import io.mcpiac.mcp.envelope.ErrorCode;
import io.mcpiac.mcp.envelope.Reply;
import io.mcpiac.mcp.envelope.ToolFailure;
import io.mcpiac.mcp.jobs.Jobs;
import io.mcpiac.mcp.prompts.IacPrompts;
import io.mcpiac.mcp.resources.IacResources;
import io.mcpiac.mcp.tools.Failures;
import io.mcpiac.mcp.tools.IacTool;
import io.mcpiac.mcp.tools.PlanCache;
import io.mcpiac.mcp.tools.ToolCall;
import io.mcpiac.mcp.tools.ToolContext;
import io.mcpiac.mcp.tools.ToolSet;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the MCP server of the standard IaC tool set for one engine (its providers and state
 * store), on any transport. One instance serves every session of that transport; plans and jobs are
 * shared, so a plan made in one session can be applied, followed or cancelled from another.
 */
public final class IacServer implements AutoCloseable {
  /** The SDK's mapper on our own Jackson 2 mapper (one JSON family for the whole process). */
  public static final McpJsonMapper JSON = new JacksonMcpJsonMapper(Json.MAPPER);

  private static final String INSTRUCTIONS =
      "Infrastructure as Code. Read mcp-iac://schema/deployment to write a deployment, check it"
          + " with validateConfig, make a plan with planDeployment (it shows every change and"
          + " returns a planId), then applyDeployment with that planId. Every answer is an"
          + " envelope {success, data, error{code,message,details}, metadata}. Plans that delete"
          + " or replace need confirmation. Take createCheckpoint before risky changes.";

  private final ServerSettings settings;
  private final ToolContext ctx;
  private final Envelope envelope;
  private final JsonSchemaValidator validator = new DefaultJsonSchemaValidator(Json.MAPPER);
  private final AtomicInteger inFlight = new AtomicInteger();

  public IacServer(Engine engine, ServerSettings settings) {
    this(engine, settings, io.mcpiac.engine.policies.PolicyService.NONE);
  }

  /**
   * @param policies the policy engine: plans are reviewed by the deployment's policies, {@code
   *     checkCompliance} and the policy packs as resources come from it
   */
  public IacServer(
      Engine engine, ServerSettings settings, io.mcpiac.engine.policies.PolicyService policies) {
    this.settings = settings;
    this.ctx = new ToolContext(engine, new PlanCache(), new Jobs(), policies);
    this.envelope = new Envelope(settings.name(), settings.version());
  }

  public List<IacTool> tools() {
    return ToolSet.of(ctx, settings.readOnly());
  }

  /** Adds tools, resources and prompts to a transport's specification and builds the server. */
  public McpSyncServer build(McpServer.SyncSpecification<?> spec) {
    spec.serverInfo(settings.name(), settings.version())
        .instructions(INSTRUCTIONS)
        .jsonMapper(JSON)
        .jsonSchemaValidator(validator)
        // arguments are checked here, so a bad call still answers an envelope
        .validateToolInputs(false)
        .requestTimeout(Duration.ofSeconds(10))
        .capabilities(
            McpSchema.ServerCapabilities.builder()
                .tools(false)
                .resources(false, false)
                .prompts(false)
                .logging()
                .build());
    for (IacTool tool : tools()) {
      spec.tools(specification(tool));
    }
    List<McpServerFeatures.SyncResourceSpecification> resources =
        new ArrayList<>(IacResources.resources(ctx.engine()));
    resources.addAll(io.mcpiac.mcp.resources.TemplateResources.resources());
    resources.addAll(io.mcpiac.mcp.resources.PolicyPackResources.resources(ctx.policies()));
    spec.resources(resources);
    spec.resourceTemplates(IacResources.templates(ctx.engine()));
    List<McpServerFeatures.SyncPromptSpecification> prompts = new ArrayList<>(IacPrompts.all());
    prompts.addAll(io.mcpiac.mcp.prompts.TemplatePrompts.all());
    spec.prompts(prompts);
    return spec.build();
  }

  @SuppressWarnings("unchecked")
  private SyncToolSpecification specification(IacTool tool) {
    Map<String, Object> input = Json.MAPPER.convertValue(tool.inputSchema(), Map.class);
    Map<String, Object> output =
        Json.MAPPER.convertValue(EnvelopeSchema.of(tool.dataSchema()), Map.class);
    boolean readOnly = tool.effect() == IacTool.Effect.READ_ONLY;
    McpSchema.Tool definition =
        McpSchema.Tool.builder()
            .name(tool.name())
            .title(tool.title())
            .description(tool.description())
            .inputSchema(input)
            .outputSchema(output)
            .annotations(
                new ToolAnnotations(
                    tool.title(),
                    readOnly,
                    tool.effect() == IacTool.Effect.DESTRUCTIVE,
                    tool.idempotent(),
                    true,
                    null))
            .build();
    return new SyncToolSpecification(
        definition,
        (exchange, request) -> {
          Instant started = Instant.now();
          inFlight.incrementAndGet();
          try {
            ObjectNode args =
                request.arguments() == null
                    ? Json.object()
                    : Json.MAPPER.valueToTree(request.arguments());
            var check = validator.validate(input, request.arguments() == null ? Map.of() : args);
            if (!check.valid()) {
              throw new ToolFailure(
                  ErrorCode.VALIDATION_FAILED,
                  "invalid arguments for " + tool.name() + ": " + check.errorMessage());
            }
            Reply reply = tool.call(new ToolCall(exchange, args, request.progressToken()));
            return envelope.success(reply, started);
          } catch (RuntimeException e) {
            return envelope.failure(Failures.of(e), started);
          } finally {
            inFlight.decrementAndGet();
          }
        });
  }

  /**
   * Waits until no tool call and no background job is running, at most {@code limit}: a client that
   * ends its session must not cut an apply in half.
   */
  public boolean awaitIdle(Duration limit) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (inFlight.get() > 0 || ctx.jobs().anyRunning()) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  @Override
  public void close() {
    ctx.jobs().close();
  }
}
