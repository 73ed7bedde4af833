// Trends and hotspots: serviceTrends (children per service per month or quarter, with rates),
// serviceFlows (a Sankey of moves between services from period to period) and hotspots (rates by
// area with deprivation).
import { gql, header, esc, label, table, count, chart, bindForm, defaultPeriod, loading, figures, sankey, SERVICES, serviceName, PALETTE } from "/app/assets/app.js";

const TRENDS = `query Trends($from: Date!, $to: Date!, $every: TrendInterval, $services: [String!], $needCodes: [String!]) {
  serviceTrends(from: $from, to: $to, every: $every, services: $services, needCodes: $needCodes) {
    from to every note
    periods { start end populationYear population rows { service needCode started open withEvent startedPer10000 openPer10000 } }
  }
}`;
const FLOWS = `query Flows($from: Date!, $to: Date!, $every: FlowInterval, $by: FlowDimension, $services: [String!]) {
  serviceFlows(from: $from, to: $to, every: $every, by: $by, services: $services) {
    from to every by services children
    periods { index start end }
    nodes { id period state children }
    links { source target period fromState toState children }
  }
}`;
const HOTSPOTS = `query Hotspots($kind: AreaKind, $service: String!, $from: Date!, $to: Date!, $ageFrom: Int, $ageTo: Int, $first: Int) {
  hotspots(kind: $kind, service: $service, from: $from, to: $to, ageFrom: $ageFrom, ageTo: $ageTo, first: $first) {
    kind service from to ageFrom ageTo populationYear areasWithoutPopulation withoutPopulation childrenWithoutArea note
    areas { code name kind ward children population ratePer10000 imdDecile }
  }
}`;
const MEASURES = {
  openPer10000: { label: "Children with an involvement open, per 10,000", rate: true },
  startedPer10000: { label: "Children with an involvement starting, per 10,000", rate: true },
  open: { label: "Children with an involvement open" },
  started: { label: "Children with an involvement starting" },
  withEvent: { label: "Children with an event" },
};
// Education, universal services and health reach most children: left out at first.
const FLOW_SERVICES = Object.keys(SERVICES).filter((s) => !["EDUCATION", "UNIVERSAL", "HEALTH"].includes(s));
const HOTSPOT_BARS = 25;
const state = {};


function serviceBoxes(id, prefix) {
  document.getElementById(id).innerHTML = Object.entries(SERVICES)
    .map(
      ([code, name]) => `<div class="govuk-checkboxes__item">
        <input class="govuk-checkboxes__input" id="${prefix}-${code}" name="services" type="checkbox" value="${code}">
        <label class="govuk-label govuk-checkboxes__label" for="${prefix}-${code}">${esc(name)}</label></div>`,
    )
    .join("");
}

async function start() {
  serviceBoxes("trends-services", "trends-service");
  serviceBoxes("flows-services", "flows-service");
  document.getElementById("hotspots-service").innerHTML = Object.entries(SERVICES).map(([c, n]) => `<option value="${c}">${esc(n)}</option>`).join("");
  document.getElementById("trends-measure").addEventListener("change", () => state.trends && drawTrends(state.trends));
  const p = await defaultPeriod();
  await Promise.all([
    bindForm(document.getElementById("trends-form"), { from: p.from, to: p.to, every: "MONTH", measure: "openPer10000", needCodes: "", services: FLOW_SERVICES }, showTrends, "trends-"),
    bindForm(document.getElementById("flows-form"), { from: p.from, to: p.to, every: "QUARTER", by: "SERVICE", services: FLOW_SERVICES }, showFlows, "flows-"),
    bindForm(
      document.getElementById("hotspots-form"),
      { service: "SOCIAL_CARE", kind: "LSOA", from: p.from, to: p.to, ageFrom: 0, ageTo: 17, first: 50 },
      showHotspots,
      "hotspots-",
    ),
  ]);
}

function period(v) {
  if (!v.from || !v.to || v.from > v.to) throw new Error("Enter a period: the start on or before the end.");
}

async function showTrends(v) {
  period(v);
  if (!v.services.length) throw new Error("Choose at least one service for the trends.");
  const needCodes = v.needCodes.split(/[\s,]+/).filter(Boolean);
  loading("trends");
  state.trends = (await gql(TRENDS, { from: v.from, to: v.to, every: v.every, services: v.services, needCodes: needCodes.length ? needCodes : null })).serviceTrends;
  drawTrends(state.trends);
}

function drawTrends(t) {
  const measure = document.getElementById("trends-measure").value;
  const m = MEASURES[measure];
  const keys = [];
  for (const p of t.periods) for (const r of p.rows) if (!keys.some((k) => k.service === r.service && k.needCode === r.needCode)) keys.push({ service: r.service, needCode: r.needCode });
  const name = (k) => (k.needCode ? `${serviceName(k.service)}: need ${k.needCode}` : serviceName(k.service));
  const value = (p, k) => p.rows.find((r) => r.service === k.service && r.needCode === k.needCode)?.[measure] ?? null;
  const periodName = (p) => (t.every === "MONTH" ? p.start.slice(0, 7) : `${p.start} to ${p.end}`);
  document.getElementById("trends-note").textContent = t.note ?? "";
  chart("trends-chart", {
    aria: { enabled: true, label: { description: `${m.label} by ${t.every === "MONTH" ? "month" : "quarter"}, ${t.from} to ${t.to}, one line per service.` } },
    color: PALETTE,
    tooltip: { trigger: "axis", valueFormatter: (x) => (x === null || x === undefined ? "[c]" : x.toLocaleString("en-GB")) },
    legend: { top: 0, type: "scroll" },
    grid: { left: 60, right: 20, top: 50, bottom: 40 },
    xAxis: { type: "category", data: t.periods.map(periodName) },
    yAxis: { type: "value", name: m.label, nameTextStyle: { align: "left" } },
    series: keys.map((k) => ({
      name: name(k),
      type: "line",
      // A need code's line is its service's colour, dashed.
      itemStyle: { color: PALETTE[Object.keys(SERVICES).indexOf(k.service) % PALETTE.length] },
      symbolSize: 6,
      connectNulls: false,
      lineStyle: k.needCode ? { type: "dashed" } : undefined,
      data: t.periods.map((p) => value(p, k)),
    })),
  });
  const number = (x) => (x === null ? count(null) : m.rate ? x.toLocaleString("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 }) : count(x));
  document.getElementById("trends").innerHTML = table({
    id: "trends-table",
    caption: `${m.label}, ${t.from} to ${t.to}`,
    columns: [
      { key: periodName, label: t.every === "MONTH" ? "Month" : "Quarter" },
      { key: "population", label: "Children 0-17", numeric: true },
      ...keys.map((k) => ({ key: (p) => value(p, k), label: name(k), numeric: true, format: number })),
    ],
    rows: t.periods,
  });
}

async function showFlows(v) {
  period(v);
  if (!v.services.length) throw new Error("Choose at least one service for the flows.");
  loading("flows", "flow-links");
  const f = (await gql(FLOWS, { from: v.from, to: v.to, every: v.every, by: v.by, services: v.services })).serviceFlows;
  const stateName = (s) => (s === "NONE" ? "None of these" : f.by === "SERVICE" ? serviceName(s) : label(s));
  const periodName = (i) => {
    const p = f.periods[i];
    return `${p.start} to ${p.end}`;
  };
  document.getElementById("flows-summary").innerHTML = figures([
    [f.children, "children in the flows"],
    [String(f.periods.length), f.every === "YEAR" ? "years" : "quarters"],
  ]);
  const colours = {};
  let next = 0;
  sankey("flows-chart", {
    nodes: f.nodes.map((n) => ({ id: n.id, state: n.state, label: stateName(n.state), depth: n.period })),
    links: f.links,
    colour: (n) => (n.state === "NONE" ? "#b1b4b6" : (colours[n.state] ??= PALETTE[next++ % PALETTE.length])),
    description: `Flows of ${f.children ?? "a withheld number of"} children between ${f.by === "SERVICE" ? "services" : "kinds of involvement"} over ${f.periods.length} periods.`,
  });
  const states = [...new Set(f.nodes.map((n) => n.state))];
  const node = (s, i) => f.nodes.find((n) => n.state === s && n.period === i);
  document.getElementById("flows").innerHTML = table({
    id: "flows-table",
    caption: `Children in each state, by period (${f.from} to ${f.to})`,
    columns: [
      { key: (s) => stateName(s), label: f.by === "SERVICE" ? "Service" : "Kind of involvement" },
      // A state with no node in a period had no child in it (0); a node's null count is withheld.
      ...f.periods.map((p) => ({ key: (s) => (node(s, p.index) ? node(s, p.index).children : 0), label: periodName(p.index), numeric: true })),
    ],
    rows: states,
  });
  document.getElementById("flow-links").innerHTML = table({
    id: "flow-links-table",
    caption: "Children moving from one period's state to the next",
    columns: [
      { key: (l) => periodName(l.period), label: "From the period" },
      { key: (l) => stateName(l.fromState), label: "From" },
      { key: (l) => stateName(l.toState), label: "To" },
      { key: "children", label: "Children", numeric: true },
    ],
    rows: f.links,
  });
}

function integer(value, name, low, high) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < low || n > high) throw new Error(`${name}: enter a whole number from ${low} to ${high}.`);
  return n;
}

async function showHotspots(v) {
  period(v);
  const vars = {
    kind: v.kind,
    service: v.service,
    from: v.from,
    to: v.to,
    ageFrom: integer(v.ageFrom, "Aged from", 0, 25),
    ageTo: integer(v.ageTo, "Aged to", 0, 25),
    first: integer(v.first, "Areas listed", 1, 200),
  };
  loading("hotspots");
  const h = (await gql(HOTSPOTS, vars)).hotspots;
  const kind = h.kind === "WARD" ? "wards" : "LSOAs";
  document.getElementById("hotspots-summary").innerHTML =
    figures([
      [h.populationYear === null ? "none" : String(h.populationYear), "population estimates of mid-year"],
      [h.childrenWithoutArea, "children with no area"],
      [String(h.areasWithoutPopulation), `${kind} without a population`],
    ]) + (h.note ? `<p class="govuk-body cj-note">${esc(h.note)}</p>` : "");
  const bars = h.areas.filter((a) => a.ratePer10000 !== null).slice(0, HOTSPOT_BARS);
  const decileColour = (d) => (d === null ? "#b1b4b6" : ["#0b0c0c", "#003078", "#1d70b8", "#2b8cc4", "#5694ca", "#7fb2dc", "#a5c8e6", "#c3d9ee", "#dbe8f5", "#eef4fa"][d - 1]);
  const areaName = (a) => (a.name ? `${a.name} (${a.code})` : a.code);
  document.getElementById("hotspots-chart").style.height = `${Math.max(240, 60 + bars.length * 22)}px`;
  chart("hotspots-chart", {
    aria: {
      enabled: true,
      label: { description: `The ${bars.length} ${kind} with the highest rate of children known to ${serviceName(h.service)}: ` + bars.map((a) => `${areaName(a)} ${a.ratePer10000} per 10,000, IMD decile ${a.imdDecile ?? "unknown"}`).join("; ") },
    },
    tooltip: { trigger: "item", formatter: (p) => { const a = bars[p.dataIndex]; return `${esc(areaName(a))}<br>${a.ratePer10000} per 10,000 (${count(a.children)} of ${count(a.population)})<br>IMD decile ${a.imdDecile ?? "not known"}`; } },
    grid: { left: 20, right: 60, top: 10, bottom: 30, containLabel: true },
    xAxis: { type: "value", name: "Children per 10,000", nameLocation: "middle", nameGap: 25 },
    yAxis: { type: "category", inverse: true, data: bars.map(areaName) },
    series: [
      {
        type: "bar",
        name: "Rate per 10,000",
        label: { show: true, position: "right", formatter: (p) => `${p.value} (IMD ${bars[p.dataIndex].imdDecile ?? "?"})`, color: "#0b0c0c" },
        data: bars.map((a) => ({ value: a.ratePer10000, itemStyle: { color: decileColour(a.imdDecile), borderColor: "#0b0c0c", borderWidth: 0.5 } })),
      },
    ],
  });
  document.getElementById("hotspots").innerHTML = table({
    id: "hotspots-table",
    caption: `${serviceName(h.service)}: children aged ${h.ageFrom} to ${h.ageTo} by ${h.kind === "WARD" ? "ward" : "LSOA"}, ${h.from} to ${h.to} (darker bars: more deprived)`,
    empty: "No areas are loaded: import the geography (import/README.md).",
    columns: [
      { key: areaName, label: h.kind === "WARD" ? "Ward" : "LSOA" },
      ...(h.kind === "LSOA" ? [{ key: "ward", label: "Ward" }] : []),
      { key: "children", label: "Children", numeric: true },
      { key: "population", label: "Population", numeric: true, format: (p) => (p === null ? "not known" : count(p)) },
      { key: "ratePer10000", label: "Per 10,000", numeric: true, format: (r, a) => (r !== null ? r.toLocaleString("en-GB", { minimumFractionDigits: 1 }) : a.population === null ? "no population" : count(null)) },
      { key: "imdDecile", label: "IMD decile", numeric: true, format: (d) => (d === null ? "not known" : String(d)) },
    ],
    rows: h.areas,
  });
}

// Runs last: every declaration above is initialised by then.
const me = await header();
if (me) await start();
