// Pathways to an outcome (pathways): the table with support, outcome rate and lift with their
// intervals, the Sankey of the pathways shown, a lift chart, and what followed a chosen pathway
// (pathwayOutcomes).
import { gql, header, esc, label, table, count, percent, chart, bindForm, defaultPeriod, addYears, loading, figures, reportLinks, rateWithInterval, sankey, serviceName, PALETTE } from "/app/assets/app.js";

const QUERY = `query Pathways($outcome: String!, $from: Date!, $to: Date!, $by: PathwayStep, $minSupport: Int, $first: Int) {
  pathways(outcome: $outcome, from: $from, to: $to, by: $by, minSupport: $minSupport, first: $first) {
    outcome from to by minSupport children withOutcome outcomeRate outcomeRateLow outcomeRateHigh
    pathways { steps support withOutcome outcomeRate outcomeRateLow outcomeRateHigh lift liftLow liftHigh }
    sankey { nodes { id step position } links { source target children } }
  }
}`;
const FOLLOWED = `query Followed($pathway: [String!]!, $by: PathwayStep, $from: Date!, $to: Date!, $withinMonths: Int) {
  pathwayOutcomes(pathway: $pathway, by: $by, from: $from, to: $to, withinMonths: $withinMonths) {
    pathway by from to withinMonths asAt children followedUp
    outcomes { outcome children rate rateLow rateHigh }
    none { outcome children rate rateLow rateHigh }
  }
}`;
// The outcomes the API takes (docs/measures.md#pathways): involvement kinds other than universal
// registrations, and event kinds.
const INVOLVEMENT_OUTCOMES = ["LAC_EPISODE", "CP_PLAN", "CIN_PLAN", "S47_ENQUIRY", "ASSESSMENT", "CIN_EPISODE", "EARLY_HELP_ASSESSMENT",
  "EARLY_HELP_PLAN", "EHC_PLAN", "NEET_OR_NOT_KNOWN", "YOT_OUT_OF_COURT", "YOT_COURT_ORDER", "YOT_CUSTODY", "HOMELESSNESS_CASE", "CAMHS_TREATMENT"];
const EVENT_OUTCOMES = ["PERMANENT_EXCLUSION", "SUSPENSION", "MISSING_EPISODE", "ARREST", "CUSTODY", "EMERGENCY_DEPARTMENT_ATTENDANCE",
  "HOSPITAL_ADMISSION", "SELF_HARM_PRESENTATION", "BECAME_HOMELESS", "PERSISTENT_ABSENCE"];
const state = { by: "KIND", pathways: [] };


async function start() {
  document.getElementById("outcome").innerHTML =
    `<optgroup label="An involvement starting">${INVOLVEMENT_OUTCOMES.map((o) => `<option value="${o}">${esc(label(o))}</option>`).join("")}</optgroup>` +
    `<optgroup label="An event">${EVENT_OUTCOMES.map((o) => `<option value="${o}">${esc(label(o))}</option>`).join("")}</optgroup>`;
  const period = await defaultPeriod();
  await bindForm(
    document.getElementById("pathways-form"),
    { outcome: "LAC_EPISODE", from: period.from, to: period.to, by: "KIND", minSupport: 20, first: 20 },
    show,
  );
  // Entries two years before the period's end can be followed up 24 months.
  await bindForm(
    document.getElementById("outcomes-form"),
    { pathway: document.getElementById("pathway").value, entryFrom: addYears(period.from, -2), entryTo: addYears(period.to, -2), withinMonths: 24 },
    showOutcomes,
    "then-",
  );
}

function stepName(step, by = state.by) {
  if (step === "OUTCOME") return `${label(state.outcome)}`;
  if (step === "NO_OUTCOME") return "No outcome";
  return by === "SERVICE" ? serviceName(step) : label(step);
}

function pathwayName(steps, by = state.by) {
  return steps.map((s) => stepName(s, by)).join(" → ");
}

function integer(value, name, low, high) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < low || n > high) throw new Error(`${name}: enter a whole number from ${low} to ${high}.`);
  return n;
}

async function show(v) {
  if (!v.from || !v.to || v.from > v.to) throw new Error("Enter a period: the start on or before the end.");
  const vars = {
    outcome: v.outcome,
    from: v.from,
    to: v.to,
    by: v.by,
    minSupport: integer(v.minSupport, "Fewest children", 6, 1000000),
    first: integer(v.first, "Pathways shown", 1, 100),
  };
  reportLinks("/reports/pathways", vars);
  loading("pathways", "links");
  const p = (await gql(QUERY, vars)).pathways;
  document.getElementById("results").hidden = false;
  state.by = p.by;
  state.outcome = p.outcome;
  state.pathways = p.pathways;
  document.getElementById("summary").innerHTML = figures([
    [p.children, "children in the population"],
    [p.withOutcome, `had the outcome: ${label(p.outcome)}`],
    [p.outcomeRate === null ? null : percent(p.outcomeRate), "outcome rate"],
    [p.outcomeRateLow === null ? "-" : `${percent(p.outcomeRateLow)} to ${percent(p.outcomeRateHigh)}`, "95% interval"],
    [`${p.from} to ${p.to}`, "period"],
  ]);
  drawSankey(p);
  drawLift(p);
  pathwaysTable(p);
  pathwayChoices(p);
}

function drawSankey(p) {
  const colours = {};
  let next = 0;
  const colour = (n) => {
    if (n.step === "OUTCOME") return "#d4351c";
    if (n.step === "NO_OUTCOME") return "#b1b4b6";
    colours[n.step] ??= PALETTE[next++ % PALETTE.length];
    return colours[n.step];
  };
  const nodes = p.sankey.nodes.map((n) => ({ id: n.id, step: n.step, label: stepName(n.step), depth: n.position - 1 }));
  sankey("sankey", {
    nodes,
    links: p.sankey.links,
    colour,
    description: `Sankey of the ${p.pathways.length} pathways shown to ${label(p.outcome)}: ` +
      p.sankey.links.filter((l) => l.children).map((l) => `${l.source} to ${l.target}: ${l.children}`).join("; "),
  });
  const byId = Object.fromEntries(nodes.map((n) => [n.id, n]));
  const where = (id) => (id === "OUTCOME" || id === "NO_OUTCOME" ? stepName(id) : `${byId[id]?.label} (step ${id.split(":")[0]})`);
  document.getElementById("links").innerHTML = table({
    id: "sankey-table",
    caption: "Children of the pathways shown making each move",
    columns: [
      { key: (l) => where(l.source), label: "From" },
      { key: (l) => where(l.target), label: "To" },
      { key: "children", label: "Children", numeric: true },
    ],
    rows: p.sankey.links,
    empty: "No pathway has that many children.",
  });
}

/** A chart of values with 95% intervals, one row per item (top first). */
function intervalChart(id, rows, { name, log = false, reference = null, description, format }) {
  const labels = rows.map((r) => r.label);
  const shown = rows.map((r, i) => [r.value, i]).filter(([v]) => v !== null && (!log || v > 0));
  const bars = rows.map((r, i) => [r.low, r.high, i]).filter(([lo, hi]) => lo !== null && hi !== null && (!log || lo > 0));
  const lowest = Math.min(...bars.map((b) => b[0]), ...shown.map((s) => s[0]).filter((v) => v > 0));
  chart(id, {
    aria: { enabled: true, label: { description } },
    tooltip: {
      trigger: "item",
      formatter: (p) => {
        const r = rows[p.seriesType === "custom" ? p.value[2] : p.value[1]];
        return `${esc(r.label)}<br>${esc(name)} ${format(r.value)}` + (r.low !== null ? ` (${format(r.low)} to ${format(r.high)})` : "");
      },
    },
    grid: { left: 20, right: 40, top: 20, bottom: 40, containLabel: true },
    xAxis: log ? { type: "log", name, nameLocation: "middle", nameGap: 28, min: Number.isFinite(lowest) ? Math.max(0.01, Math.pow(10, Math.floor(Math.log10(lowest)))) : 0.1 } : { type: "value", name, nameLocation: "middle", nameGap: 28 },
    yAxis: { type: "category", data: labels, inverse: true, axisLabel: { width: 420, overflow: "truncate" } },
    series: [
      {
        name: "95% interval",
        type: "custom",
        encode: { x: [0, 1], y: 2 },
        renderItem: (params, api) => {
          const a = api.coord([api.value(0), api.value(2)]);
          const b = api.coord([api.value(1), api.value(2)]);
          const cap = 5;
          const style = { stroke: "#0b0c0c", lineWidth: 1.5 };
          return {
            type: "group",
            children: [
              { type: "line", shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style },
              { type: "line", shape: { x1: a[0], y1: a[1] - cap, x2: a[0], y2: a[1] + cap }, style },
              { type: "line", shape: { x1: b[0], y1: b[1] - cap, x2: b[0], y2: b[1] + cap }, style },
            ],
          };
        },
        data: bars,
      },
      {
        name,
        type: "scatter",
        symbol: "diamond",
        symbolSize: 12,
        itemStyle: { color: PALETTE[0] },
        encode: { x: 0, y: 1 },
        data: shown,
        markLine: reference === null ? undefined : { silent: true, symbol: "none", lineStyle: { color: "#d4351c", type: "dashed" }, label: { formatter: String(reference) }, data: [{ xAxis: reference }] },
      },
    ],
  });
}

function drawLift(p) {
  const rows = p.pathways.map((w, i) => ({ label: `${i + 1}. ${pathwayName(w.steps)}`, value: w.lift, low: w.liftLow, high: w.liftHigh }));
  document.getElementById("lift").style.height = `${Math.max(260, 60 + rows.length * 26)}px`;
  intervalChart("lift", rows, {
    name: "Lift",
    log: true,
    reference: 1,
    format: (v) => (v === null ? "[c]" : v.toFixed(2)),
    description: `Lift of each pathway to ${label(p.outcome)} with its 95% interval: ` +
      rows.map((r) => `${r.label}: ${r.value === null ? "withheld" : r.value.toFixed(2)}`).join("; "),
  });
}

function pathwaysTable(p) {
  const lift = (w) => (w.lift === null ? count(null) : w.liftLow === null ? w.lift.toFixed(2) : `${w.lift.toFixed(2)} <span class="cj-interval">(${w.liftLow.toFixed(2)} to ${w.liftHigh.toFixed(2)})</span>`);
  document.getElementById("pathways").innerHTML = table({
    id: "pathways-table",
    caption: `Pathways to ${label(p.outcome)} with at least ${p.minSupport} children, highest outcome rate first`,
    empty: `No pathway had ${p.minSupport} or more children: lower the fewest children.`,
    columns: [
      { key: (w) => w, label: "Pathway", format: (w) => `${p.pathways.indexOf(w) + 1}. ${esc(pathwayName(w.steps))}` },
      { key: "support", label: "Children (support)", numeric: true },
      { key: "withOutcome", label: "With the outcome", numeric: true },
      { key: (w) => w, label: "Outcome rate (95% interval)", numeric: true, format: (w) => rateWithInterval(w.outcomeRate, w.outcomeRateLow, w.outcomeRateHigh) },
      { key: (w) => w, label: "Lift (95% interval)", numeric: true, format: lift },
      {
        key: (w) => w,
        label: "Then",
        format: (w) => `<button type="button" class="cj-link-button cj-then" data-pathway="${esc(w.steps.join(">"))}">What followed<span class="govuk-visually-hidden"> ${esc(pathwayName(w.steps))}</span></button>`,
      },
    ],
    rows: p.pathways,
  });
  document.querySelectorAll(".cj-then").forEach((b) =>
    b.addEventListener("click", () => {
      document.getElementById("pathway").value = b.dataset.pathway;
      document.getElementById("outcomes-form").requestSubmit();
      document.getElementById("outcomes-heading").scrollIntoView();
    }),
  );
}

function pathwayChoices(p) {
  const select = document.getElementById("pathway");
  const current = select.value;
  select.innerHTML = p.pathways.map((w, i) => `<option value="${esc(w.steps.join(">"))}">${i + 1}. ${esc(pathwayName(w.steps))}</option>`).join("");
  if (p.pathways.some((w) => w.steps.join(">") === current)) select.value = current;
}

async function showOutcomes(v) {
  const pathway = (v.pathway || document.getElementById("pathway").value).split(">").filter(Boolean);
  if (!pathway.length) {
    document.getElementById("outcomes").innerHTML = '<p class="govuk-body">Show some pathways first, then choose one.</p>';
    return;
  }
  if (!v.entryFrom || !v.entryTo || v.entryFrom > v.entryTo) throw new Error("Enter an entry period: the start on or before the end.");
  loading("outcomes");
  const f = (
    await gql(FOLLOWED, { pathway, by: state.by, from: v.entryFrom, to: v.entryTo, withinMonths: integer(v.withinMonths, "Within months", 1, 60) })
  ).pathwayOutcomes;
  document.getElementById("outcomes-summary").innerHTML = figures([
    [f.children, "children entered the pathway"],
    [f.followedUp, `followed up ${f.withinMonths} months`],
    [f.asAt ?? "-", "data complete to"],
  ]);
  const rows = [...f.outcomes, { ...f.none, outcome: "NONE" }];
  const name = (o) => (o === "NONE" ? "None of these" : label(o));
  intervalChart(
    "outcomes-chart",
    rows.map((r) => ({ label: name(r.outcome), value: r.rate === null ? null : r.rate * 100, low: r.rateLow === null ? null : r.rateLow * 100, high: r.rateHigh === null ? null : r.rateHigh * 100 })),
    {
      name: "% of children followed up",
      format: (x) => (x === null ? "[c]" : `${x.toFixed(1)}%`),
      description: `What followed ${pathwayName(f.pathway, f.by)} within ${f.withinMonths} months: ` +
        rows.map((r) => `${name(r.outcome)} ${r.children ?? "withheld"}`).join("; "),
    },
  );
  document.getElementById("outcomes").innerHTML = table({
    id: "outcomes-table",
    caption: `What followed ${pathwayName(f.pathway, f.by)} (entered ${f.from} to ${f.to}) within ${f.withinMonths} months`,
    columns: [
      { key: (r) => name(r.outcome), label: "Outcome" },
      { key: "children", label: "Children", numeric: true },
      { key: (r) => r, label: "Rate (95% interval)", numeric: true, format: (r) => rateWithInterval(r.rate, r.rateLow, r.rateHigh) },
    ],
    rows,
  });
}

// Runs last: every declaration above is initialised by then.
const me = await header();
if (me) await start();
