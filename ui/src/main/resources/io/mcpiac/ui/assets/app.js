// The mcp-iac web page: plain DOM, no framework. The access token comes from the page itself (the
// server wrote it in), goes with every API call as a bearer token, and with EventSource (which
// cannot set headers) as ?token=.
"use strict";
const TOKEN = document.querySelector('meta[name="mcp-iac-token"]').content;
const $ = sel => document.querySelector(sel);
const state = { view: null, run: null, source: null, deployment: null, marks: {} };

async function api(method, path, body) {
  const res = await fetch("/api/" + path, {
    method, headers: { "Authorization": "Bearer " + TOKEN, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await res.json().catch(() => ({ error: res.status + " " + res.statusText }));
  if (!res.ok) throw new Error(data.error || res.statusText);
  return data;
}

function cell(tr, text) { const td = tr.insertCell(); td.textContent = text == null ? "" : String(text); return td; }
function button(parent, label, onClick, id) {
  const b = document.createElement("button");
  b.type = "button"; b.textContent = label; if (id) b.id = id;
  b.addEventListener("click", onClick); parent.appendChild(b); return b;
}
function show(el, text) { el.hidden = !text; el.textContent = text || ""; }
function say(text) { $("#status").textContent = text; }
function when(iso) { return iso ? new Date(iso).toLocaleString() : ""; }

function confirmBox(title, text) {
  return new Promise(resolve => {
    const d = $("#confirm");
    $("#confirm-title").textContent = title;
    $("#confirm-text").textContent = text;
    d.returnValue = "no";
    d.addEventListener("close", () => resolve(d.returnValue === "yes"), { once: true });
    d.showModal();
  });
}

// ---- routing: #deployments, #plan, #run/ID, #history/NAME, #checkpoints/NAME
function route() {
  const [page, arg] = (location.hash.slice(1) || "deployments").split("/").map(decodeURIComponent);
  const section = page === "run" || page === "watch" ? "plan" : page;
  document.querySelectorAll("main > section").forEach(s => (s.hidden = s.id !== "page-" + section));
  document.querySelectorAll("nav a").forEach(a =>
    a.id === "nav-" + section ? a.setAttribute("aria-current", "page") : a.removeAttribute("aria-current"));
  if (page === "deployments") loadDeployments();
  if (page === "plan") loadFiles();
  if (page === "run" && arg) watch(arg);
  if (page === "watch" && arg) watchDeployment(arg);
  if (page === "history" && arg) loadHistory(arg);
  if (page === "checkpoints" && arg) loadCheckpoints(arg);
  document.querySelectorAll(".deployment-name").forEach(e => (e.textContent = arg || ""));
}
window.addEventListener("hashchange", route);

// ---- deployments
async function loadDeployments() {
  const body = $("#deployments tbody"); body.textContent = "";
  try {
    const list = await api("GET", "deployments");
    $("#no-deployments").hidden = list.length > 0;
    list.forEach(d => {
      const tr = body.insertRow(); tr.dataset.deployment = d.name;
      cell(tr, d.name); cell(tr, d.resources); cell(tr, d.version); cell(tr, when(d.lastApply));
      cell(tr, d.lock || "—"); cell(tr, d.checkpoints);
      const td = tr.insertCell();
      button(td, "Plan last configuration", () => planDeployment(d.name));
      button(td, "Watch live", () => (location.hash = "#watch/" + encodeURIComponent(d.name)));
      button(td, "History", () => (location.hash = "#history/" + encodeURIComponent(d.name)));
      button(td, "Checkpoints", () => (location.hash = "#checkpoints/" + encodeURIComponent(d.name)));
    });
    const runs = await api("GET", "runs");
    const rb = $("#runs tbody"); rb.textContent = "";
    runs.forEach(r => {
      const tr = rb.insertRow();
      cell(tr, r.runId); cell(tr, r.deployment); cell(tr, r.kind); cell(tr, when(r.startedAt)); cell(tr, r.status);
      button(tr.insertCell(), "Watch", () => (location.hash = "#run/" + r.runId));
    });
  } catch (e) { say(e.message); }
}

// ---- plan
async function loadFiles() {
  try {
    const list = $("#plan-files"); list.textContent = "";
    (await api("GET", "files")).forEach(f => { const o = document.createElement("option"); o.value = f; list.appendChild(o); });
  } catch (e) { /* suggestions only: a typed path still works */ }
}

$("#plan-form").addEventListener("submit", ev => {
  ev.preventDefault();
  const file = $("#plan-file").value.trim();
  if (!file) { show($("#plan-error"), "Name a deployment file."); return; }
  makePlan({ file }, "Plan of " + file);
});

function planDeployment(name) {
  location.hash = "#plan";
  makePlan({ deployment: name }, "Plan of '" + name + "' against its last applied configuration");
}

async function makePlan(request, origin) {
  show($("#plan-error"), ""); say("Planning…");
  $("#plan-result").hidden = true;
  try {
    showPlan(await api("POST", "plan", request), origin);
    say("Plan ready.");
  } catch (e) { show($("#plan-error"), e.message); say("Planning failed."); }
}

function planPath(path, origin) {
  location.hash = "#plan";
  show($("#plan-error"), ""); say("Planning…");
  $("#plan-result").hidden = true;
  api("POST", path, {}).then(v => { showPlan(v, origin); say("Plan ready."); })
    .catch(e => { show($("#plan-error"), e.message); say("Planning failed."); });
}

function showPlan(view, origin) {
  closeStream();
  state.view = view; state.run = null; state.marks = {};
  $("#plan-result").hidden = false;
  $("#plan-origin").textContent = origin;
  $("#plan-summary").textContent = view.plan.summary.text;
  $("#plan-digest").textContent = view.digest;
  $("#plan-digest-line").hidden = false; $("#plan-text-box").hidden = false;
  const warnings = $("#plan-warnings"); warnings.textContent = "";
  view.plan.warnings.forEach(w => { const li = document.createElement("li"); li.textContent = w; warnings.appendChild(li); });
  $("#plan-text").textContent = view.text;
  $("#graph").classList.remove("rolling-back");
  Graph.draw($("#graph"), view.graph, showNode);
  $("#node-diff").hidden = true;
  $("#log").textContent = "";
  $("#run-status").textContent = "";
  delete $("#run-status").dataset.result;
  $("#apply-button").hidden = false;
  $("#apply-options").hidden = false;
  $("#apply-button").disabled = !view.plan.hasChanges;
  $("#cancel-button").hidden = true;
}

function value(v) { return v === undefined || v === null ? "(none)" : typeof v === "string" ? v : JSON.stringify(v); }

function showNode(name) {
  document.querySelectorAll("#graph g.node.selected").forEach(g => g.classList.remove("selected"));
  const g = document.querySelector(`#graph g.node[data-resource="${CSS.escape(name)}"]`);
  if (g) g.classList.add("selected");
  const a = state.view.plan.actions.find(x => x.resource === name);
  const panel = $("#node-diff"); panel.hidden = false; panel.textContent = "";
  if (!a) {
    const n = state.view.graph.nodes.find(x => x.name === name);
    const h = document.createElement("h3");
    h.textContent = `${n.action} ${n.type} ${n.name} (applied elsewhere: its diff is in that run's plan)`;
    panel.appendChild(h); return;
  }
  const h = document.createElement("h3");
  h.textContent = `${a.action} ${a.type} ${a.resource}` + (a.reason ? ` (${a.reason})` : "");
  panel.appendChild(h);
  const table = (title, changes) => {
    if (!changes || !changes.length) return;
    const cap = document.createElement("h4"); cap.textContent = title; panel.appendChild(cap);
    const t = document.createElement("table"); t.className = "diff-table";
    const head = t.createTHead().insertRow();
    ["Property", "Before", "After", ""].forEach(x => { const th = document.createElement("th"); th.textContent = x; head.appendChild(th); });
    const body = t.createTBody();
    changes.forEach(c => {
      const tr = body.insertRow();
      cell(tr, c.property); cell(tr, value(c.before)).className = "before"; cell(tr, value(c.after)).className = "after";
      cell(tr, c.forcesReplacement ? "forces replacement" : "");
    });
    panel.appendChild(t);
  };
  (state.view.plan.warningDetails || []).filter(w => w.resource === name).forEach(w => {
    const p = document.createElement("p"); p.className = "warning " + w.kind;
    p.textContent = `${w.kind}: ${w.property ? w.property + ": " : ""}${w.message}`; panel.appendChild(p);
  });
  table("Changes", a.changes);
  table("Drift (live differs from state)", a.drift);
  if (!a.changes.length && !(a.drift || []).length) {
    const p = document.createElement("p"); p.textContent = "No change."; panel.appendChild(p);
  }
}

// ---- apply, live
$("#apply-button").addEventListener("click", async () => {
  const v = state.view;
  const ok = await confirmBox("Apply these changes?",
    `${v.plan.summary.text} Deployment '${v.plan.deployment}', plan digest ${v.digest.slice(0, 16)}…`);
  if (!ok) { say("Nothing changed."); return; }
  try {
    const options = { parallelism: Number($("#opt-parallelism").value) || 5,
      rollbackOnFailure: $("#opt-rollback").checked, continueOnError: $("#opt-continue").checked };
    const run = await api("POST", "apply", { planId: v.plan.planId, digest: v.digest, options });
    history.replaceState(null, "", "#run/" + run.runId);
    follow(run.runId);
  } catch (e) { show($("#plan-error"), e.message); }
});

$("#cancel-button").addEventListener("click", async () => {
  if (!state.run) return;
  try { await api("POST", "runs/" + state.run + "/cancel", {}); log("Cancelling: nothing new starts, then rollback.", "rollback"); }
  catch (e) { say(e.message); }
});

async function watch(runId) {
  try {
    const run = await api("GET", "runs/" + runId);
    if (run.view) showPlan(run.view, `Run ${runId} (${run.kind}) of '${run.deployment}'`);
    follow(runId);
  } catch (e) { show($("#plan-error"), e.message); }
}

function closeStream() { if (state.source) { state.source.close(); state.source = null; } }

function follow(runId) {
  closeStream();
  state.run = runId;
  $("#apply-button").hidden = true;
  $("#apply-options").hidden = true;
  $("#cancel-button").hidden = false;
  $("#run-status").textContent = "Running…";
  $("#log").textContent = "";
  const src = new EventSource(`/api/runs/${encodeURIComponent(runId)}/events?token=${encodeURIComponent(TOKEN)}`);
  state.source = src;
  src.addEventListener("progress", m => progress(JSON.parse(m.data)));
  src.addEventListener("end", m => { ended(JSON.parse(m.data).result); src.close(); });
  src.onerror = () => { if (src.readyState === EventSource.CLOSED) say("Lost the event stream."); };
}

const WORDS = { create: ["creating…", "created"], update: ["updating…", "updated"], replace: ["replacing…", "replaced"],
  delete: ["deleting…", "deleted"] };

function progress(e) {
  const g = $("#graph");
  const stage = e.stage ? " stage " + e.stage : "";
  switch (e.event) {
    case "start":
      log(e.elsewhere ? e.message : `Apply started: ${e.total} change(s)${e.message ? " — " + e.message : ""}.`);
      break;
    case "stage:start": log(`Stage ${e.stage} started.`); break;
    case "stage:complete": log(`Stage ${e.stage} complete.`); break;
    case "action:update": {
      const w = WORDS[e.action] || [e.action + "…", e.action];
      if (e.status === "running") markNode(e.resource, "running", w[0]);
      else if (e.status === "complete") markNode(e.resource, "complete", w[1]);
      else markNode(e.resource, e.status, e.status);
      log(`${e.status.padEnd(8)} ${e.action} ${e.resource}${stage}${e.message ? ": " + e.message : ""}`, e.status);
      break;
    }
    case "rollback:start":
      g.classList.add("rolling-back");
      log("Rolling back" + (e.message ? ": " + e.message : "") + ".", "rollback"); break;
    case "rollback:action":
      markNode(e.resource, e.status === "complete" ? "rolled-back" : "rollback-failed",
        e.status === "complete" ? "rolled back" : "rollback failed");
      log(`rollback ${e.status} ${e.resource}${e.message ? ": " + e.message : ""}`, "rollback"); break;
    case "rollback:complete": log("Rollback complete.", "rollback"); break;
    case "complete": log(`Complete${e.durationMs ? " in " + e.durationMs + " ms" : ""}${e.message ? ": " + e.message : ""}.`); break;
    default: log(e.event);
  }
  $("#run-status").textContent = `${e.completed}/${e.total} done`;
}

function markNode(name, st, text) {
  state.marks[name] = [st, text];
  Graph.mark($("#graph"), name, st, text);
}

// an apply started elsewhere (another mcp-iac, an MCP server), followed through the state journal
function watchDeployment(name) {
  closeStream();
  state.run = null; state.marks = {};
  state.view = { graph: { nodes: [], edges: [], layers: 0 }, plan: { actions: [] } };
  show($("#plan-error"), "");
  $("#plan-result").hidden = false;
  $("#plan-origin").textContent = `Watching '${name}': an apply started elsewhere shows here as it runs.`;
  $("#plan-summary").textContent = ""; $("#plan-digest").textContent = ""; $("#plan-text").textContent = "";
  $("#plan-digest-line").hidden = true; $("#plan-text-box").hidden = true;
  $("#plan-warnings").textContent = ""; $("#graph").textContent = ""; $("#graph").classList.remove("rolling-back");
  $("#node-diff").hidden = true; $("#log").textContent = "";
  $("#apply-button").hidden = true; $("#cancel-button").hidden = true; $("#apply-options").hidden = true;
  $("#run-status").textContent = "Waiting for an apply…"; delete $("#run-status").dataset.result;
  const src = new EventSource(`/api/deployments/${encodeURIComponent(name)}/watch?token=${encodeURIComponent(TOKEN)}`);
  state.source = src;
  src.addEventListener("graph", m => {
    state.view.graph = JSON.parse(m.data);
    Graph.draw($("#graph"), state.view.graph, showNode);
    for (const [n, [st, text]] of Object.entries(state.marks)) Graph.mark($("#graph"), n, st, text);
  });
  src.addEventListener("progress", m => progress(JSON.parse(m.data)));
  src.addEventListener("end", m => { ended(JSON.parse(m.data).result); src.close(); });
}

function ended(r) {
  $("#cancel-button").hidden = true;
  const text = r.status === "succeeded" ? "Apply succeeded." :
    `Apply ${r.status}${r.error ? ": " + r.error : ""}.`;
  $("#run-status").textContent = text;
  $("#run-status").dataset.result = r.status;
  log(text, r.success ? "" : "failed");
  say(text);
}

function log(text, cls) {
  const li = document.createElement("li"); li.textContent = text; if (cls) li.className = cls;
  const ol = $("#log"); ol.appendChild(li); ol.scrollTop = ol.scrollHeight;
}

// ---- state history
async function loadHistory(name) {
  state.deployment = name;
  const body = $("#history tbody"); body.textContent = ""; $("#diff").hidden = true;
  show($("#history-error"), "");
  try {
    const versions = await api("GET", "deployments/" + encodeURIComponent(name) + "/history");
    versions.forEach((v, i) => {
      const tr = body.insertRow(); tr.dataset.version = v.version;
      const radio = (group, checked) => {
        const td = tr.insertCell(); const r = document.createElement("input");
        r.type = "radio"; r.name = group; r.value = v.version; r.checked = checked;
        r.setAttribute("aria-label", `${group} version ${v.version}`); td.appendChild(r);
      };
      radio("from", i === 1); radio("to", i === 0);
      cell(tr, v.version + (v.current ? " (current)" : "")); cell(tr, when(v.at));
      cell(tr, v.who ? `${v.who}: ${v.operation || v.by}` : v.by);
      const verb = c => (c.phase === "activate" ? "activate" : c.phase === "undo" ? "undo " + c.kind : c.kind);
      cell(tr, v.changes.map(c => `${verb(c)} ${c.resource}${c.status === "done" ? "" : " (" + c.status + ")"}`).join(", "));
      cell(tr, v.resources);
      const td = tr.insertCell();
      if (!v.current) button(td, "Roll back to this version…", () => rollback(name, v.version));
    });
  } catch (e) { show($("#history-error"), e.message); }
}

$("#diff-button").addEventListener("click", async () => {
  const from = document.querySelector('input[name="from"]:checked');
  const to = document.querySelector('input[name="to"]:checked');
  if (!from || !to) { show($("#history-error"), "Choose two versions."); return; }
  try {
    const d = await api("GET", `deployments/${encodeURIComponent(state.deployment)}/diff?from=${from.value}&to=${to.value}`);
    const panel = $("#diff"); panel.hidden = false; panel.textContent = "";
    const h = document.createElement("h3"); h.textContent = `Version ${d.from} → ${d.to}`; panel.appendChild(h);
    if (!d.entries.length) { const p = document.createElement("p"); p.textContent = "No differences."; panel.appendChild(p); return; }
    const t = document.createElement("table"); t.className = "diff-table";
    const head = t.createTHead().insertRow();
    ["Resource", "Type", "Change", "Property", "Before", "After"].forEach(x => { const th = document.createElement("th"); th.textContent = x; head.appendChild(th); });
    const body = t.createTBody();
    d.entries.forEach(e => e.changes.forEach((c, i) => {
      const tr = body.insertRow(); tr.dataset.resource = e.resource; tr.dataset.kind = e.kind;
      cell(tr, i ? "" : e.resource); cell(tr, i ? "" : e.type); cell(tr, i ? "" : e.kind);
      cell(tr, c.property); cell(tr, value(c.before)).className = "before"; cell(tr, value(c.after)).className = "after";
    }));
    panel.appendChild(t);
  } catch (e) { show($("#history-error"), e.message); }
});

async function rollback(name, version) {
  const ok = await confirmBox(`Roll back the state of '${name}' to version ${version}?`,
    "State only: no real system changes. The current version stays readable. Run a plan afterwards.");
  if (!ok) { say("Nothing changed."); return; }
  try {
    const r = await api("POST", "deployments/" + encodeURIComponent(name) + "/rollback", { version, confirm: true });
    say(`State of '${name}' is version ${r.to} again, recorded as version ${r.newVersion}.`);
    loadHistory(name);
  } catch (e) { show($("#history-error"), e.message); }
}

// ---- checkpoints
async function loadCheckpoints(name) {
  state.deployment = name;
  show($("#checkpoint-error"), "");
  const body = $("#checkpoints tbody"); body.textContent = "";
  try {
    const list = await api("GET", "deployments/" + encodeURIComponent(name) + "/checkpoints");
    list.forEach(c => {
      const tr = body.insertRow(); tr.dataset.checkpoint = c.id;
      cell(tr, c.id); cell(tr, c.version); cell(tr, when(c.at)); cell(tr, c.description); cell(tr, c.resources);
      button(tr.insertCell(), "Plan restore…", () =>
        planPath("checkpoints/" + encodeURIComponent(c.id) + "/plan", `Restore of '${name}' to checkpoint ${c.id}`));
    });
  } catch (e) { show($("#checkpoint-error"), e.message); }
}

$("#checkpoint-form").addEventListener("submit", async ev => {
  ev.preventDefault();
  try {
    const c = await api("POST", "deployments/" + encodeURIComponent(state.deployment) + "/checkpoints",
      { description: $("#checkpoint-description").value });
    say("Created checkpoint " + c.id + ".");
    $("#checkpoint-description").value = "";
    loadCheckpoints(state.deployment);
  } catch (e) { show($("#checkpoint-error"), e.message); }
});

route();
