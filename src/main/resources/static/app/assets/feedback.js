// Front-door feedback (frontDoorFeedback): what followed each decision within 3, 6 and 12 months,
// and the year's DfE-method measures (measures).
import { gql, header, esc, label, table, percent, chart, bindForm, defaultPeriod, loading, figures, PALETTE } from "/app/assets/app.js";
import { windowChart, windowTimeChart, windowTable, windowOptions } from "/app/assets/windows.js";

const QUERY = `query Feedback($from: Date!, $to: Date!, $by: [FeedbackDimension!]) {
  frontDoorFeedback(from: $from, to: $to, by: $by) {
    from to asAt
    rows { decision team month realNumbers contacts
      windows { months followedUp reContacted referred childProtectionPlan care steppedUp } }
  }
}`;
const MEASURES = `query Measures($year: Int!) { measures(year: $year) { code name from to numerator denominator rate } }`;
const OUTCOMES = [
  { key: "reContacted", label: "Contacted again" },
  { key: "referred", label: "Referred" },
  { key: "childProtectionPlan", label: "Child protection plan" },
  { key: "care", label: "Care" },
  { key: "steppedUp", label: "Stepped up" },
];
const DIMENSIONS = {
  DECISION: { label: "Decision", value: (r) => label(r.decision) },
  TEAM: { label: "Team", value: (r) => r.team ?? "No team" },
  MONTH: { label: "Month", value: (r) => r.month },
};
const state = {};


async function start() {
  const period = await defaultPeriod();
  document.getElementById("months").addEventListener("change", (e) => state.data && draw(state.data, Number(e.target.value)));
  await bindForm(document.getElementById("feedback-form"), { from: period.from, to: period.to, by: ["DECISION"], months: "" }, show);
  await bindForm(document.getElementById("measures-form"), { year: period.year }, showMeasures, "measures-");
}

async function show(v) {
  if (!v.from || !v.to || v.from > v.to) throw new Error("Enter a period: the start on or before the end.");
  loading("feedback");
  const f = (await gql(QUERY, { from: v.from, to: v.to, by: v.by })).frontDoorFeedback;
  state.data = f;
  state.by = v.by.length ? v.by : [];
  windowOptions(document.getElementById("months"), f.rows, v.months);
  document.getElementById("summary").innerHTML = figures([
    [`${f.from} to ${f.to}`, "contacts received"],
    [f.asAt, "social care data complete to"],
    [String(f.rows.length), "groups"],
  ]);
  draw(f, Number(document.getElementById("months").value));
}

function groupName(r) {
  const name = state.by.map((d) => DIMENSIONS[d].value(r)).join(", ") || "All contacts";
  return r.realNumbers ? `${name} (your team)` : name;
}

function draw(f, months) {
  if (state.by.length === 1 && state.by[0] === "MONTH") {
    windowTimeChart("feedback-chart", {
      rows: f.rows,
      months,
      time: (r) => r.month,
      outcomes: OUTCOMES,
      description: `By month of receipt, the share of contacts followed up ${months} months that had each outcome within them.`,
    });
    document.getElementById("chart-note").textContent = `By month received: the share of the contacts followed up ${months} months that were followed by each outcome within them.`;
  } else {
    drawGroups(f, months);
  }
  feedbackTable(f);
}

function drawGroups(f, months) {
  const note = windowChart("feedback-chart", {
    rows: f.rows,
    months,
    groupName,
    size: (r) => r.contacts,
    outcomes: OUTCOMES,
    description: `For each decision, the share of contacts followed up ${months} months that had each outcome within them.`,
  });
  document.getElementById("chart-note").textContent =
    `Share of the contacts followed up ${months} months that were followed by each outcome within them. ${note}`;
}

function feedbackTable(f) {
  const dims = state.by.length ? state.by.map((d) => DIMENSIONS[d]) : [{ label: "Group", value: () => "All contacts" }];
  document.getElementById("feedback").innerHTML = windowTable("feedback-table", {
    caption: `Contacts received ${f.from} to ${f.to} and what followed (data complete to ${f.asAt})`,
    rows: f.rows,
    dimensions: dims,
    total: { key: "contacts", label: "Contacts" },
    outcomes: OUTCOMES,
  });
}

async function showMeasures(v) {
  const year = Number(v.year);
  if (!Number.isInteger(year)) throw new Error("Enter the year the measures' year ends in, e.g. 2026.");
  loading("measures");
  const measures = (await gql(MEASURES, { year })).measures;
  document.getElementById("measures-heading").textContent = `Measures for the year ending 31 March ${year}`;
  document.getElementById("measures-chart").style.height = `${Math.max(260, 40 + measures.length * 30)}px`;
  chart("measures-chart", {
    aria: { enabled: true, label: { description: measures.map((m) => `${m.name}: ${m.rate === null ? "withheld or none" : percent(m.rate)}`).join("; ") } },
    tooltip: { trigger: "axis", valueFormatter: (x) => (x === null || x === undefined ? "[c] or none" : `${x}%`) },
    grid: { left: 20, right: 40, top: 10, bottom: 30, containLabel: true },
    xAxis: { type: "value", max: 100, name: "%" },
    yAxis: { type: "category", inverse: true, data: measures.map((m) => m.name), axisLabel: { width: 520, overflow: "truncate" } },
    series: [
      {
        type: "bar",
        name: "Rate",
        itemStyle: { color: PALETTE[0] },
        label: { show: true, position: "right", formatter: (p) => (p.value === null ? "[c]" : `${p.value}%`) },
        data: measures.map((m) => (m.rate === null ? null : Number((m.rate * 100).toFixed(1)))),
      },
    ],
  });
  document.getElementById("measures").innerHTML = table({
    id: "measures-table",
    caption: `Measures, 1 April ${year - 1} to 31 March ${year}`,
    columns: [
      { key: "name", label: "Measure", format: (n, m) => `${esc(n)}<br><span class="govuk-body-s cj-interval">${esc(m.code)}</span>` },
      { key: "numerator", label: "How many", numeric: true },
      { key: "denominator", label: "Of", numeric: true },
      { key: "rate", label: "Rate", numeric: true, format: (r, m) => (r === null && m.denominator === 0 ? "none" : percent(r)) },
    ],
    rows: measures,
  });
}

// Runs last: every declaration above is initialised by then.
const me = await header();
if (me) await start();
