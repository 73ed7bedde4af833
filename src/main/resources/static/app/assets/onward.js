// Onward journeys (onwardJourneys): involvements of a kind that closed in the period, and what
// followed within 3, 6, 12 and 24 months, by team and/or closure reason.
import { gql, header, esc, label, bindForm, defaultPeriod, loading, figures } from "/app/assets/app.js";
import { windowChart, windowTable, windowOptions } from "/app/assets/windows.js";

const QUERY = `query Onward($kind: String!, $from: Date!, $to: Date!, $by: [JourneyDimension!]) {
  onwardJourneys(kind: $kind, from: $from, to: $to, by: $by) {
    kind from to asAt
    rows { team closureReason realNumbers closures
      windows { months followedUp referral earlyHelp childProtectionPlan care custody neet exclusion noFurtherContact } }
  }
}`;
// Involvement kinds that close (docs/model.md), targeted services first.
const KINDS = ["EARLY_HELP_PLAN", "EARLY_HELP_ASSESSMENT", "CIN_EPISODE", "ASSESSMENT", "S47_ENQUIRY", "CIN_PLAN", "CP_PLAN", "LAC_EPISODE",
  "YOT_OUT_OF_COURT", "YOT_COURT_ORDER", "YOT_CUSTODY", "EHC_PLAN", "NEET_OR_NOT_KNOWN", "HOMELESSNESS_CASE", "CAMHS_TREATMENT"];
const OUTCOMES = [
  { key: "referral", label: "Referral" },
  { key: "earlyHelp", label: "Early help" },
  { key: "childProtectionPlan", label: "Child protection plan" },
  { key: "care", label: "Care" },
  { key: "custody", label: "Custody" },
  { key: "neet", label: "NEET" },
  { key: "exclusion", label: "Exclusion" },
  { key: "noFurtherContact", label: "No further contact" },
];
const DIMENSIONS = {
  TEAM: { label: "Team", value: (r) => r.team ?? "No team" },
  CLOSURE_REASON: { label: "Closure reason", value: (r) => reason(r.closureReason) },
};
const state = {};

/** Closure reasons: CIN census codes (RC1-RC9) as they are, words as words. */
function reason(code) {
  if (!code) return "Not recorded";
  return /^[A-Z]{1,3}[0-9]+$/.test(code) ? code : label(code);
}


async function start() {
  document.getElementById("kind").innerHTML = KINDS.map((k) => `<option value="${k}">${esc(label(k))}</option>`).join("");
  const period = await defaultPeriod();
  document.getElementById("months").addEventListener("change", (e) => state.data && draw(state.data, Number(e.target.value)));
  await bindForm(document.getElementById("onward-form"), { kind: "EARLY_HELP_PLAN", from: period.from, to: period.to, by: [], months: "" }, show);
}

async function show(v) {
  if (!v.from || !v.to || v.from > v.to) throw new Error("Enter a period: the start on or before the end.");
  loading("onward");
  const o = (await gql(QUERY, { kind: v.kind, from: v.from, to: v.to, by: v.by })).onwardJourneys;
  state.data = o;
  state.by = v.by;
  windowOptions(document.getElementById("months"), o.rows, v.months);
  document.getElementById("summary").innerHTML = figures([
    [`${o.from} to ${o.to}`, `${label(o.kind)} closed`],
    [o.asAt, "every source's data reaches"],
    [String(o.rows.length), "groups"],
  ]);
  draw(o, Number(document.getElementById("months").value));
}

function groupName(r) {
  const name = state.by.map((d) => DIMENSIONS[d].value(r)).join(", ") || "All closures";
  return r.realNumbers ? `${name} (your team)` : name;
}

function draw(o, months) {
  const note = windowChart("onward-chart", {
    rows: o.rows,
    months,
    groupName,
    size: (r) => r.closures,
    outcomes: OUTCOMES,
    description: `Share of the closed ${label(o.kind)} involvements followed up ${months} months that went on to each outcome within them.`,
  });
  document.getElementById("chart-note").textContent =
    `Share of the closures followed up ${months} months that went on to each outcome within them. ${note}`;
  const dims = state.by.length ? state.by.map((d) => DIMENSIONS[d]) : [{ label: "Group", value: () => "All closures" }];
  document.getElementById("onward").innerHTML = windowTable("onward-table", {
    caption: `${label(o.kind)} closed ${o.from} to ${o.to} and what followed (data complete to ${o.asAt})`,
    rows: o.rows,
    dimensions: dims,
    total: { key: "closures", label: "Closures" },
    outcomes: OUTCOMES,
  });
}

// Runs last: every declaration above is initialised by then.
const me = await header();
if (me) await start();
