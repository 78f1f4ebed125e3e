namespace CallFlows.Runtime.Viewer;

/// <summary>
/// The call viewer: one self-contained page (inline CSS and script, no external resource) over <c>GET /api/calls</c>
/// and <c>GET /api/calls/{instanceId}</c>. It is served relative to those routes and forwards the page's
/// <c>?code=</c> function key to them. All data is written with <c>textContent</c>, never parsed as HTML.
/// </summary>
internal static class CallViewerPage
{
    /// <summary>The page's HTML.</summary>
    public const string Html = """
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CallFlows · calls</title>
<style>
  :root { --bg:#f6f7f9; --panel:#fff; --ink:#1d2330; --muted:#667085; --line:#e4e7ec; --ok:#067647; --okbg:#ecfdf3;
          --bad:#b42318; --badbg:#fef3f2; --live:#175cd3; --livebg:#eff8ff; --warn:#b54708; --warnbg:#fffaeb; }
  * { box-sizing: border-box; }
  body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--ink); background:var(--bg); }
  header { display:flex; align-items:center; gap:16px; padding:12px 20px; background:#101828; color:#fff; }
  header h1 { font-size:16px; margin:0; font-weight:600; }
  header .sub { color:#98a2b3; font-size:12px; }
  main { display:grid; grid-template-columns: minmax(560px, 50%) 1fr; gap:16px; padding:16px 20px; }
  section { background:var(--panel); border:1px solid var(--line); border-radius:8px; padding:12px 14px; min-width:0; }
  h2 { font-size:14px; margin:0 0 10px; }
  .filters { display:flex; flex-wrap:wrap; gap:8px; align-items:center; margin-bottom:10px; }
  select, input, button { font:inherit; padding:4px 8px; border:1px solid var(--line); border-radius:6px; background:#fff; }
  button { cursor:pointer; } button:disabled { opacity:.5; cursor:default; }
  table { width:100%; border-collapse:collapse; }
  .scroll { overflow-x:auto; }
  th, td { text-align:left; padding:5px 6px; border-bottom:1px solid var(--line); vertical-align:top; white-space:nowrap; }
  th { color:var(--muted); font-weight:500; font-size:12px; }
  td.wrap { white-space:normal; word-break:break-word; }
  #calls tbody tr { cursor:pointer; } #calls tbody tr:hover { background:#f9fafb; }
  #calls tbody tr.selected { background:var(--livebg); }
  .badge { display:inline-block; padding:0 7px; border-radius:10px; font-size:12px; font-weight:500; background:#f2f4f7; color:#344054; }
  .badge.ok { background:var(--okbg); color:var(--ok); } .badge.bad { background:var(--badbg); color:var(--bad); }
  .badge.live { background:var(--livebg); color:var(--live); } .badge.warn { background:var(--warnbg); color:var(--warn); }
  .dot { display:inline-block; width:8px; height:8px; border-radius:50%; background:var(--live); margin-right:5px; animation:pulse 1.2s infinite; }
  @keyframes pulse { 50% { opacity:.3; } }
  .muted { color:var(--muted); } .mono { font-family:ui-monospace,SFMono-Regular,Menlo,monospace; font-size:12px; }
  .pager { display:flex; gap:8px; align-items:center; margin-top:8px; }
  .facts { display:grid; grid-template-columns:max-content 1fr; gap:2px 12px; margin-bottom:12px; }
  .facts dt { color:var(--muted); } .facts dd { margin:0; word-break:break-word; }
  .kind { font-size:11px; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); }
  tr.k-Action td:nth-child(3) { font-weight:600; } tr.k-Flow td { background:#fcfcfd; }
  .roster { margin:0 0 12px; padding:0; list-style:none; }
  .roster li { padding:3px 0; border-bottom:1px dashed var(--line); }
  .chip { display:inline-block; margin:1px 4px 1px 0; padding:0 6px; border:1px solid var(--line); border-radius:4px; font-family:ui-monospace,monospace; font-size:12px; }
  .empty { color:var(--muted); padding:12px 0; }
  .error { color:var(--bad); }
</style>
</head>
<body>
<header><h1>CallFlows</h1><span class="sub">calls · timelines · participants</span><span id="clock" class="sub" style="margin-left:auto"></span></header>
<main>
  <section id="list">
    <h2>Calls</h2>
    <div class="filters">
      <label>Status <select id="status">
        <option value="">all</option><option value="live">live</option><option value="ended">ended</option>
        <option value="Completed">completed</option><option value="Failed">failed</option><option value="Terminated">terminated</option>
      </select></label>
      <label>Flow <input id="flow" list="flows" placeholder="any flow" size="16"></label>
      <datalist id="flows"></datalist>
      <label>Page <select id="pageSize"><option>10</option><option selected>25</option><option>50</option><option>100</option></select></label>
      <button id="refresh" type="button">Refresh</button>
    </div>
    <div class="scroll"><table id="calls">
      <thead><tr><th>Flow</th><th>From</th><th>To</th><th>State</th><th>Status</th><th>Outcome</th><th>Started</th><th>Length</th></tr></thead>
      <tbody></tbody>
    </table></div>
    <div id="calls-empty" class="empty" hidden>No calls match.</div>
    <div class="pager"><button id="first" type="button">First page</button><button id="next" type="button">Next page</button><span id="list-info" class="muted"></span></div>
    <div id="list-error" class="error"></div>
  </section>
  <section id="call">
    <h2 id="call-title">Select a call</h2>
    <div id="call-body" hidden>
      <dl class="facts">
        <dt>Instance</dt><dd id="call-id" class="mono"></dd>
        <dt>Flow</dt><dd id="call-flow"></dd>
        <dt>Status</dt><dd><span id="call-status" class="badge"></span> <span id="call-live" hidden><span class="dot"></span>live, refreshing</span></dd>
        <dt>From → To</dt><dd id="call-parties"></dd>
        <dt>Started</dt><dd id="call-started"></dd>
        <dt>Duration</dt><dd id="call-duration"></dd>
        <dt>Outcome</dt><dd id="outcome"></dd>
      </dl>
      <h2>Participants over time</h2>
      <ul id="participants" class="roster"></ul>
      <h2>Timeline <span id="timeline-note" class="muted"></span></h2>
      <table id="timeline">
        <thead><tr><th>Time</th><th>+s</th><th>Name</th><th>Kind</th><th>Status</th><th>Result</th><th>Detail</th></tr></thead>
        <tbody></tbody>
      </table>
    </div>
    <div id="call-error" class="error"></div>
  </section>
</main>
<script>
"use strict";
(function () {
  const key = new URLSearchParams(location.search).get("code");
  const $ = (id) => document.getElementById(id);
  const state = { tokens: [null], page: 0, selected: null, callTimer: null, listTimer: null, flows: new Set() };

  function api(path, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) { if (v !== null && v !== undefined && v !== "") q.set(k, v); }
    if (key) q.set("code", key);
    const s = q.toString();
    return fetch(path + (s ? "?" + s : ""), { headers: { Accept: "application/json" }, cache: "no-store" }).then(async (r) => {
      const body = await r.json().catch(() => ({}));
      if (!r.ok) throw new Error((body && body.error) || ("HTTP " + r.status));
      return body;
    });
  }

  function el(tag, text, cls) { const e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = String(text); if (cls) e.className = cls; return e; }
  function time(t) { if (!t) return ""; const d = new Date(t); return d.toLocaleTimeString([], { hour12: false }) + "." + String(d.getMilliseconds()).padStart(3, "0"); }
  function dateTime(t) { return t ? new Date(t).toLocaleString([], { hour12: false }) : ""; }
  function shortTime(t) {
    if (!t) return "";
    const d = new Date(t);
    return d.toDateString() === new Date().toDateString() ? d.toLocaleTimeString([], { hour12: false }) : d.toLocaleDateString() + " " + d.toLocaleTimeString([], { hour12: false });
  }
  function seconds(s) { if (s === null || s === undefined) return ""; s = Number(s); return s < 60 ? s.toFixed(1) + " s" : Math.floor(s / 60) + " min " + Math.round(s % 60) + " s"; }
  function badgeClass(status) {
    const s = String(status || "");
    if (/^(Succeeded|Completed)$/.test(s)) return "badge ok";
    if (/^(Failed|Terminated|Canceled)$/.test(s)) return "badge bad";
    if (/^(Running|Pending|Started)$/.test(s)) return "badge live";
    if (/^(Fired|Suspended|Disconnected)$/.test(s)) return "badge warn";
    return "badge";
  }
  function badge(text) { return el("span", text, badgeClass(text)); }

  function loadList() {
    const params = { status: $("status").value, flow: $("flow").value.trim(), pageSize: $("pageSize").value, continuationToken: state.tokens[state.page] };
    return api("calls", params).then((page) => {
      $("list-error").textContent = "";
      const body = $("calls").tBodies[0];
      body.replaceChildren();
      for (const c of page.calls) {
        const tr = el("tr");
        tr.dataset.instanceId = c.instanceId;
        tr.dataset.status = c.runtimeStatus;
        if (c.instanceId === state.selected) tr.className = "selected";
        tr.append(el("td", c.flow), el("td", c.from || "", "mono"), el("td", c.to || "", "mono"), el("td", c.state || ""));
        const st = el("td"); st.append(badge(c.isLive ? "Running" : c.runtimeStatus)); tr.append(st);
        const oc = el("td"); if (c.outcome) oc.append(el("span", c.outcome, c.succeeded === false ? "badge bad" : c.succeeded ? "badge ok" : "badge")); tr.append(oc);
        const started = el("td", shortTime(c.createdAt)); started.title = dateTime(c.createdAt);
        tr.append(started, el("td", seconds(c.durationSeconds)));
        tr.addEventListener("click", () => select(c.instanceId));
        body.append(tr);
        if (!state.flows.has(c.flow)) { state.flows.add(c.flow); $("flows").append(el("option", c.flow)); }
      }
      $("calls-empty").hidden = page.calls.length > 0;
      state.tokens[state.page + 1] = page.continuationToken || null;
      $("next").disabled = !page.continuationToken;
      $("first").disabled = state.page === 0;
      $("list-info").textContent = "page " + (state.page + 1) + " · " + page.calls.length + " call(s)";
      clearTimeout(state.listTimer);
      if (page.calls.some((c) => c.isLive)) state.listTimer = setTimeout(loadList, 3000);
    }).catch((e) => { $("list-error").textContent = "Calls could not be listed: " + e.message; });
  }

  function select(id) {
    state.selected = id;
    history.replaceState(null, "", location.pathname + location.search + "#call=" + encodeURIComponent(id));
    for (const tr of $("calls").tBodies[0].rows) tr.className = tr.dataset.instanceId === id ? "selected" : "";
    loadCall();
  }

  function loadCall() {
    const id = state.selected;
    clearTimeout(state.callTimer);
    if (!id) return;
    api("calls/" + encodeURIComponent(id)).then((v) => {
      if (id !== state.selected) return;
      $("call-error").textContent = "";
      $("call-body").hidden = false;
      $("call-title").textContent = v.flow + " call";
      $("call-id").textContent = v.instanceId;
      $("call-flow").textContent = v.flow + (v.status && v.status.state ? " · " + v.status.state : "");
      const st = $("call-status"); st.textContent = v.runtimeStatus; st.className = badgeClass(v.runtimeStatus);
      $("call-live").hidden = !v.isLive;
      $("call-parties").textContent = (v.from || "?") + " → " + (v.to || "?");
      $("call-started").textContent = dateTime(v.createdAt);
      const end = v.isLive ? Date.now() : new Date(v.lastUpdatedAt).getTime();
      $("call-duration").textContent = seconds((end - new Date(v.createdAt).getTime()) / 1000);
      const oc = $("outcome"); oc.replaceChildren();
      if (v.outcome) {
        oc.append(el("span", v.outcome.result, v.outcome.succeeded ? "badge ok" : "badge bad"));
        if (v.outcome.detail) oc.append(" ", el("span", v.outcome.detail, "muted"));
        if (v.outcome.resultCode) oc.append(" ", el("span", "code " + v.outcome.resultCode + "/" + (v.outcome.resultSubCode ?? ""), "mono"));
      } else if (v.failure) { oc.append(el("span", v.failure, "badge bad")); }
      else oc.append(el("span", v.isLive ? "in progress" : "none", "muted"));

      const roster = $("participants"); roster.replaceChildren();
      for (const p of v.participants) {
        const li = el("li"); li.append(el("span", time(p.time) + "  ", "mono muted"));
        if (p.participants.length === 0) li.append(el("span", "nobody", "muted"));
        for (const r of p.participants) li.append(el("span", r, "chip"));
        roster.append(li);
      }
      if (v.participants.length === 0) roster.append(el("li", "no roster yet", "muted"));

      const start = new Date(v.createdAt).getTime();
      const body = $("timeline").tBodies[0]; body.replaceChildren();
      for (const t of v.timeline) {
        const tr = el("tr"); tr.className = "k-" + t.kind; tr.dataset.kind = t.kind; tr.dataset.name = t.name;
        tr.append(el("td", time(t.time), "mono"), el("td", ((new Date(t.time).getTime() - start) / 1000).toFixed(2), "mono muted"), el("td", t.name), el("td", t.kind, "kind"));
        const s = el("td"); if (t.status) s.append(badge(t.status)); tr.append(s);
        tr.append(el("td", t.resultCode ? t.resultCode + (t.resultSubCode !== undefined && t.resultSubCode !== null ? "/" + t.resultSubCode : "") : "", "mono"));
        const detail = [t.message, t.completedAt && t.kind === "Action" ? "done +" + ((new Date(t.completedAt) - new Date(t.time)) / 1000).toFixed(2) + " s" : null].filter(Boolean).join(" · ");
        tr.append(el("td", detail, "wrap"));
        body.append(tr);
      }
      $("timeline-note").textContent = v.timelineComplete ? "(" + v.timeline.length + " entries, complete history)" : "(last entries only: this backend keeps no history)";
      if (v.isLive) state.callTimer = setTimeout(loadCall, 1000);
    }).catch((e) => { $("call-error").textContent = "The call could not be read: " + e.message; });
  }

  $("refresh").addEventListener("click", () => { state.page = 0; state.tokens = [null]; loadList(); loadCall(); });
  $("status").addEventListener("change", () => { state.page = 0; state.tokens = [null]; loadList(); });
  $("flow").addEventListener("change", () => { state.page = 0; state.tokens = [null]; loadList(); });
  $("pageSize").addEventListener("change", () => { state.page = 0; state.tokens = [null]; loadList(); });
  $("next").addEventListener("click", () => { if (state.tokens[state.page + 1]) { state.page++; loadList(); } });
  $("first").addEventListener("click", () => { state.page = 0; loadList(); });
  const tick = () => { $("clock").textContent = new Date().toLocaleTimeString([], { hour12: false }); };
  tick();
  setInterval(tick, 1000);

  const m = /#call=([^&]+)/.exec(location.hash);
  if (m) { state.selected = decodeURIComponent(m[1]); loadCall(); }
  loadList();
})();
</script>
</body>
</html>
""";
}
