// The plan's dependency graph as SVG, laid out by stage: one row per layer (what runs first at the
// top), nodes in a row ordered under the mean position of what they wait for, edges as curves.
// Each node is a focusable button coloured by its action; its class says its live state later.
"use strict";
const Graph = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const H = 50, ROW = 64, GAP = 22, M = 16, LABEL = 70, CH = 7;

  function el(name, attrs, parent) {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (parent) parent.appendChild(e);
    return e;
  }

  function width(n) {
    const label = (n.symbol ? n.symbol + " " : "") + n.name;
    return Math.max(110, Math.max(label.length, n.type.length, 14) * CH + 20);
  }

  /** Draws `graph` into `container`; `onSelect(name)` when a node is clicked or chosen by key. */
  function draw(container, graph, onSelect) {
    container.textContent = "";
    const rows = [];
    for (let i = 0; i < Math.max(1, graph.layers); i++) rows.push([]);
    graph.nodes.forEach(n => rows[n.layer].push(n));
    const preds = {};
    graph.edges.forEach(e => (preds[e.to] = preds[e.to] || []).push(e.from));
    const box = {};
    let W = 0;
    rows.forEach((row, r) => {
      if (r > 0) {
        const mean = n => {
          const xs = (preds[n.name] || []).map(p => box[p]).filter(Boolean).map(b => b.x + b.w / 2);
          return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.MAX_VALUE;
        };
        row.sort((a, b) => mean(a) - mean(b));
      }
      let x = M + LABEL;
      row.forEach(n => {
        const w = width(n);
        box[n.name] = { x, y: M + r * (H + ROW), w, n };
        x += w + GAP;
      });
      W = Math.max(W, x - GAP + M);
    });
    const Hh = M * 2 + rows.length * (H + ROW) - ROW;
    const svg = el("svg", { width: W, height: Hh, viewBox: `0 0 ${W} ${Hh}`, role: "group",
      "aria-label": "Dependency graph: " + graph.nodes.length + " resources in " + rows.length + " stages" });
    el("defs", {}, svg).innerHTML =
      '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" ' +
      'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#6e7781"/></marker>';
    rows.forEach((row, r) => {
      const t = el("text", { x: M, y: M + r * (H + ROW) + H / 2 + 4, class: "stage-label" }, svg);
      t.textContent = "stage " + (r + 1);
    });
    graph.edges.forEach(e => {
      const a = box[e.from], b = box[e.to];
      if (!a || !b) return;
      const x1 = a.x + a.w / 2, y1 = a.y + H, x2 = b.x + b.w / 2, y2 = b.y, mid = (y1 + y2) / 2;
      el("path", { class: "edge", d: `M ${x1} ${y1} C ${x1} ${mid}, ${x2} ${mid}, ${x2} ${y2}`,
        "marker-end": "url(#arrow)", "data-from": e.from, "data-to": e.to }, svg);
    });
    graph.nodes.forEach(n => {
      const b = box[n.name];
      const cls = ["node", n.action];
      if (n.drift) cls.push("drift");
      if (n["policy-violation"]) cls.push("policy-violation");
      const g = el("g", { class: cls.join(" "), tabindex: 0, role: "button", "data-resource": n.name,
        "data-action": n.action, "data-state": "planned",
        "aria-label": `${n.action} ${n.type} ${n.name}, stage ${n.layer + 1}` }, svg);
      el("title", {}, g).textContent = n.type + " " + n.name;
      el("rect", { x: b.x, y: b.y, width: b.w, height: H, rx: 6 }, g);
      const text = (y, s, c) => { el("text", { x: b.x + b.w / 2, y, "text-anchor": "middle", class: c }, g).textContent = s; };
      text(b.y + 16, (n.symbol ? n.symbol + " " : "") + n.name, "name");
      text(b.y + 30, n.type, "type");
      text(b.y + 44, n.drift ? "drift" : "", "state");
      const select = () => onSelect(n.name);
      g.addEventListener("click", select);
      g.addEventListener("keydown", ev => {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(); }
      });
    });
    container.appendChild(svg);
  }

  /** Marks a node's live state: class state-X and its state line. */
  function mark(container, name, state, text) {
    const g = container.querySelector(`g.node[data-resource="${CSS.escape(name)}"]`);
    if (!g) return;
    [...g.classList].filter(c => c.startsWith("state-")).forEach(c => g.classList.remove(c));
    g.classList.add("state-" + state);
    g.setAttribute("data-state", state);
    g.querySelector("text.state").textContent = text;
  }

  return { draw, mark };
})();
