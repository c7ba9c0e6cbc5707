// A real third-party MCP client (the official TypeScript SDK) against `mcp-iac serve`:
// lists tools, plans and applies a core:data deployment with progress notifications, and reads
// the envelope from structuredContent. Exits non-zero on any mismatch.
//
//   node client.mjs stdio <mcp-iac.jar> <state.db>
//   node client.mjs http <url> [token]
// With MCP_IAC_NETWORK=1 it also plans and applies firewall rules with the network tools (the
// server must have an opnsense instance: OPNSENSE_URL etc. point at the emulator).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { LoggingMessageNotificationSchema } from "@modelcontextprotocol/sdk/types.js";

const STANDARD_TOOLS = [
  "planDeployment", "applyDeployment", "destroyDeployment", "getDeploymentState",
  "listResources", "getResource", "validateConfig", "createSnapshot", "rollbackToSnapshot",
  "createCheckpoint", "restoreCheckpoint", "listCheckpoints", "cancelDeployment",
  "importResources",
];

function check(condition, message, detail) {
  if (!condition) {
    console.error(`FAIL: ${message}`);
    if (detail !== undefined) console.error(JSON.stringify(detail, null, 2));
    process.exit(1);
  }
}

function envelopeOf(result, tool) {
  const env = result.structuredContent;
  check(env && typeof env === "object", `${tool}: no structuredContent`, result);
  check(typeof env.success === "boolean", `${tool}: envelope without success`, env);
  check(env.metadata && env.metadata.server === "mcp-iac", `${tool}: envelope metadata`, env);
  check(Array.isArray(result.content) && result.content[0]?.type === "text", `${tool}: text`, result);
  return env;
}

const [mode, target, extra] = process.argv.slice(2);
let transport;
if (mode === "stdio") {
  transport = new StdioClientTransport({
    command: "java",
    args: ["-jar", target, "serve", "--provider", process.env.MCP_IAC_PROVIDERS ?? "core",
      "--state", `sqlite:${extra}`],
    env: { ...process.env },
    stderr: "inherit",
  });
} else if (mode === "http") {
  const headers = extra ? { Authorization: `Bearer ${extra}` } : {};
  transport = new StreamableHTTPClientTransport(new URL(target), { requestInit: { headers } });
} else {
  console.error("usage: node client.mjs stdio <jar> <state.db> | http <url> [token]");
  process.exit(2);
}

const client = new Client({ name: "mcp-iac-node-check", version: "1.0.0" });
const logs = [];
client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => logs.push(n.params));
await client.connect(transport);

const tools = (await client.listTools()).tools;
const names = tools.map((t) => t.name);
for (const name of STANDARD_TOOLS) check(names.includes(name), `tool ${name} missing`, names);
for (const t of tools) {
  check(t.inputSchema?.type === "object", `${t.name}: inputSchema`);
  check(t.outputSchema?.type === "object", `${t.name}: outputSchema`);
}

const deployment = `node-${mode}-${process.pid}`;
const plan = envelopeOf(
  await client.callTool({
    name: "planDeployment",
    arguments: {
      deploymentId: deployment,
      resources: [
        { type: "core:data", name: "first", properties: { input: "hello" } },
        { type: "core:data", name: "second", properties: { input: "${first.output}" },
          dependencies: ["first"] },
      ],
    },
  }),
  "planDeployment",
);
check(plan.success && plan.data.planId, "plan failed", plan);
check(plan.data.summary.includes("2 to add"), "plan summary", plan.data);

const progress = [];
const applied = envelopeOf(
  await client.callTool(
    { name: "applyDeployment", arguments: { planId: plan.data.planId } },
    undefined,
    { onprogress: (p) => progress.push(p), timeout: 60000 },
  ),
  "applyDeployment",
);
check(applied.success, "apply failed", applied);
check(applied.data.results.length === 2, "two results", applied.data);
check(progress.length > 0, "no progress notifications received");
check(
  progress.every((p, i) => p.total === 2 && p.progress <= 2 &&
    (i === 0 || p.progress > progress[i - 1].progress)),
  "progress rises to at most 2 of 2",
  progress,
);
// The TypeScript SDK drops a progress notification it reads in the same chunk as the response
// (typescript-sdk#2580: the response retires the handler before the deferred notification runs),
// so how the run ended is checked on the logging notifications, which it never drops.
const lines = logs.map((l) => String(l.data));
check(lines.some((l) => l.startsWith("✓ create")), "✓ lines", lines);
check(lines.some((l) => l.startsWith("Finished: 2 of 2 actions")), "the run's last line", lines);

const state = envelopeOf(
  await client.callTool({ name: "getDeploymentState", arguments: { deploymentId: deployment } }),
  "getDeploymentState",
);
check(state.success && state.data.resources.length === 2, "state has two resources", state);
check(state.data.resources[1].outputs.output === "hello", "output passed on", state.data);

const invalid = await client.callTool({
  name: "validateConfig",
  arguments: { resources: [{ type: "core:nope", name: "x" }] },
});
const invalidEnv = envelopeOf(invalid, "validateConfig");
check(invalid.isError === true && invalidEnv.error.code === "VALIDATION_FAILED", "errors", invalid);

let network = "";
if (process.env.MCP_IAC_NETWORK === "1") {
  check(names.includes("planNetworkDeployment") && names.includes("applyNetworkDeployment"),
    "network tools missing", names);
  const rules = ["allow-ssh:22", "allow-https:443"].map((r) => {
    const [name, port] = r.split(":");
    return { type: "opnsense:firewall:rule", name,
      properties: { interface: "lan", source: "any", port: Number(port), action: "pass",
        description: `${name} (${deployment})` } };
  });
  const netPlan = envelopeOf(
    await client.callTool({ name: "planNetworkDeployment",
      arguments: { deploymentId: `${deployment}-fw`, resources: rules } }),
    "planNetworkDeployment",
  );
  check(netPlan.success && netPlan.data.planId, "network plan failed", netPlan);
  const netProgress = [];
  const netApplied = envelopeOf(
    await client.callTool(
      { name: "applyNetworkDeployment", arguments: { planId: netPlan.data.planId } },
      undefined,
      { onprogress: (p) => netProgress.push(p), timeout: 60000 },
    ),
    "applyNetworkDeployment",
  );
  check(netApplied.success, "network apply failed", netApplied);
  check(netProgress.length > 0, "no progress for the network apply");
  network = `; firewall rules applied with ${netProgress.length} progress notifications`;
}

await client.close();
console.log(
  `OK ${mode}: ${tools.length} tools, plan ${plan.data.planId} applied with ${progress.length}` +
    ` progress and ${logs.length} logging notifications${network}`,
);
