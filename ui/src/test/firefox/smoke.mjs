// mcp-iac ui in Firefox: Debian 12 has no geckodriver, so this drives Firefox ESR over WebDriver
// BiDi, which Firefox serves itself (--remote-debugging-port). It opens the page with its token,
// waits for the deployments table, opens the deployment's state history and checks what a person
// sees there (both versions, who wrote them, what they did); screenshots of both pages.
//   node smoke.mjs URL DEPLOYMENT OUT_DIR
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";

const [url, deployment, outDir] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), "mcp-iac-firefox-"));
const firefox = spawn(
  "firefox-esr",
  ["--headless", "--no-remote", "--remote-debugging-port", "0", "--profile", profile, "--window-size", "1280,900"],
  { stdio: ["ignore", "ignore", "pipe"] });
const fail = (message) => {
  console.error("FAIL (firefox): " + message);
  firefox.kill();
  process.exit(1);
};
const check = (condition, message) => condition || fail(message);

const endpoint = await new Promise((resolve) => {
  let log = "";
  firefox.stderr.on("data", (d) => {
    log += d;
    const m = log.match(/WebDriver BiDi listening on (ws:\/\/\S+)/);
    if (m) resolve(m[1]);
  });
  setTimeout(() => fail("Firefox did not open WebDriver BiDi:\n" + log), 60000);
});
const socket = new WebSocket(endpoint + "/session");
await new Promise((resolve) => socket.on("open", resolve));
let next = 0;
const waiting = new Map();
socket.on("message", (data) => {
  const message = JSON.parse(data);
  if (message.id && waiting.has(message.id)) {
    waiting.get(message.id)(message);
    waiting.delete(message.id);
  }
});
const send = (method, params) =>
  new Promise((resolve) => {
    const id = ++next;
    waiting.set(id, (m) => (m.type === "error" ? fail(`${method}: ${m.error} ${m.message}`) : resolve(m.result)));
    socket.send(JSON.stringify({ id, method, params }));
  });

await send("session.new", { capabilities: {} });
const context = (await send("browsingContext.getTree", {})).contexts[0].context;
const evaluate = async (expression) =>
  (await send("script.evaluate", { expression, target: { context }, awaitPromise: true })).result.value;
const waitFor = async (expression, what) => {
  for (let i = 0; i < 150; i++) {
    if (await evaluate(expression)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  fail("timed out waiting for " + what);
};
const text = (selector) => evaluate(`document.querySelector(${JSON.stringify(selector)}).innerText.replace(/\\s+/g, ' ')`);
const screenshot = async (name) =>
  writeFileSync(join(outDir, name), Buffer.from((await send("browsingContext.captureScreenshot", { context })).data, "base64"));

await send("browsingContext.navigate", { context, url, wait: "complete" });
await waitFor("document.querySelectorAll('#deployments tbody tr').length > 0", "the deployments table");
const deployments = await text("#deployments tbody");
check(deployments.includes(deployment), `the deployments table names '${deployment}': ${deployments}`);
await screenshot("firefox-deployments.png");

await evaluate(`location.hash = '#history/${deployment}'`);
await waitFor("document.querySelectorAll('#history tbody tr').length >= 2", "the state history");
const history = await text("#history tbody");
check(history.includes("(current)"), "the current version is marked: " + history);
check(/\(\d+@[^)]+\): apply/.test(history), "who wrote each version is shown: " + history);
check(history.includes("create a") && history.includes("update b"), "what each version did: " + history);
await screenshot("firefox-history.png");

console.log("firefox: deployments and state history render and read as in Chromium");
firefox.kill();
process.exit(0);
