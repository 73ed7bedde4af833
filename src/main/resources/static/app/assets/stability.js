// Placement stability (placementStability): placements and moves in the year, and Kaplan-Meier
// curves of the time to a period of care's first move and of placement durations.
import { gql, header, esc, table, count, percent, chart, bindForm, defaultPeriod, loading, figures, PALETTE } from "/app/assets/app.js";

const SURVIVAL = "started ended medianDays curve { months share }";
const QUERY = `query Stability($year: Int!, $by: [StabilityDimension!]) {
  placementStability(year: $year, by: $by) {
    from to startedSince
    rows { ageBand categoryOfNeed uasc placementType provider children placements moves movesPerChild
      firstMove { ${SURVIVAL} } duration { ${SURVIVAL} } }
  }
}`;
const DIMENSIONS = {
  AGE_BAND: { key: "ageBand", label: "Age band", value: (v) => ({ UNDER_1: "Under 1", "1_TO_4": "1 to 4", "5_TO_9": "5 to 9", "10_TO_15": "10 to 15", "16_AND_OVER": "16 and over" })[v] ?? v },
  CATEGORY_OF_NEED: { key: "categoryOfNeed", label: "Category of need", value: (v) => v },
  UASC: { key: "uasc", label: "UASC", value: (v) => (v === "UASC" ? "UASC" : v === "NOT_UASC" ? "Not UASC" : v) },
  PLACEMENT_TYPE: { key: "placementType", label: "Placement type", value: (v) => v },
  PROVIDER: { key: "provider", label: "Provider", value: (v) => v },
};
const MAX_CURVES = 8;
const state = { by: [] };


async function start() {
  document.getElementById("by").innerHTML = Object.entries(DIMENSIONS)
    .map(
      ([code, d]) => `<div class="govuk-checkboxes__item">
        <input class="govuk-checkboxes__input" id="by-${code}" name="by" type="checkbox" value="${code}">
        <label class="govuk-label govuk-checkboxes__label" for="by-${code}">${esc(d.label)}</label></div>`,
    )
    .join("");
  const period = await defaultPeriod();
  await bindForm(document.getElementById("stability-form"), { year: period.year, by: [] }, show);
}

function groupName(r) {
  return state.by.map((d) => `${DIMENSIONS[d].value(r[DIMENSIONS[d].key]) ?? "Not recorded"}`).join(", ") || "All children looked after";
}

async function show(v) {
  const year = Number(v.year);
  if (!Number.isInteger(year)) throw new Error("Enter the year the year ends in, e.g. 2026.");
  state.by = v.by;
  loading("stability", "first-move", "duration");
  const s = (await gql(QUERY, { year, by: v.by })).placementStability;
  document.getElementById("summary").innerHTML = figures([
    [`${s.from} to ${s.to}`, "year"],
    [s.startedSince, "curves follow starts since"],
    [String(s.rows.length), "groups"],
  ]);
  const dims = state.by.length ? state.by.map((d) => ({ key: (r) => DIMENSIONS[d].value(r[DIMENSIONS[d].key]) ?? "Not recorded", label: DIMENSIONS[d].label })) : [{ key: () => "All children looked after", label: "Group" }];
  const median = (d) => (d === null ? '<span class="cj-suppressed">[c] or not reached</span>' : `${d.toLocaleString("en-GB")} days`);
  document.getElementById("stability").innerHTML = table({
    id: "stability-table",
    caption: `Placements and moves, ${s.from} to ${s.to}`,
    empty: "No child had a placement in the year.",
    columns: [
      ...dims,
      { key: "children", label: "Children", numeric: true },
      { key: "placements", label: "Placements", numeric: true },
      { key: "moves", label: "Moves", numeric: true },
      { key: "movesPerChild", label: "Moves per child", numeric: true, format: (m) => (m === null ? count(null) : m.toFixed(2)) },
      { key: (r) => r.firstMove.started, label: "Periods of care followed", numeric: true },
      { key: (r) => r.firstMove.ended, label: "With a move", numeric: true },
      { key: (r) => r.firstMove.medianDays, label: "Median time to first move", numeric: true, format: median },
      { key: (r) => r.duration.started, label: "Placements followed", numeric: true },
      { key: (r) => r.duration.ended, label: "Ended", numeric: true },
      { key: (r) => r.duration.medianDays, label: "Median placement length", numeric: true, format: median },
    ],
    rows: s.rows,
  });
  curves("first-move-chart", "first-move", s.rows, (r) => r.firstMove, "Periods of care without a move", "first-move-table");
  curves("duration-chart", "duration", s.rows, (r) => r.duration, "Placements not yet ended", "duration-table");
}

/**
 * A Kaplan-Meier curve's points as a step line: level until each point, then down to it. A
 * withheld point ends the line there (no level drawn on into the unknown).
 */
function steps(s) {
  const points = [[0, s.started ? 100 : null], ...s.curve.map((p) => [p.months, p.share === null ? null : Number((p.share * 100).toFixed(1))])];
  const corner = (m, v) => ({ value: [m, v], symbol: "none" });
  const line = [{ value: points[0] }];
  for (let i = 1; i < points.length; i++) {
    const [m, v] = points[i];
    const before = points[i - 1][1];
    if (v === null || before === null) {
      line.push(corner(m, null));
      if (v !== null) line.push({ value: [m, v] });
    } else {
      line.push(corner(m, before), { value: [m, v] });
    }
  }
  return line;
}

/** Kaplan-Meier curves as step lines from 100% at 0 months; a withheld point leaves a gap. */
function curves(chartId, tableId, rows, survival, what, id) {
  const shown = [...rows].sort((a, b) => (survival(b).started ?? 0) - (survival(a).started ?? 0)).slice(0, MAX_CURVES);
  const months = survival(rows[0] ?? { firstMove: { curve: [] }, duration: { curve: [] } }).curve.map((p) => p.months);
  chart(chartId, {
    aria: {
      enabled: true,
      label: {
        description: `${what}, Kaplan-Meier estimate by months: ` +
          shown.map((r) => `${groupName(r)}: ${survival(r).curve.map((p) => `${p.months} months ${p.share === null ? "withheld" : percent(p.share)}`).join(", ")}`).join("; "),
      },
    },
    color: PALETTE,
    tooltip: { trigger: "axis", valueFormatter: (v) => (v === null || v === undefined ? "[c] or not reached" : `${v}%`) },
    legend: { top: 0, type: "scroll" },
    grid: { left: 50, right: 20, top: 40, bottom: 40 },
    xAxis: { type: "value", name: "Months", nameLocation: "middle", nameGap: 25, min: 0, max: Math.max(...months, 1) },
    yAxis: { type: "value", name: "%", min: 0, max: 100 },
    series: shown.map((r) => ({
      name: groupName(r),
      type: "line",
      symbolSize: 7,
      connectNulls: false,
      data: steps(survival(r)),
    })),
  });
  document.getElementById(tableId).innerHTML = table({
    id,
    caption: `${what} after each number of months (Kaplan-Meier)`,
    columns: [
      { key: (r) => groupName(r), label: "Group" },
      { key: (r) => survival(r).started, label: "Followed", numeric: true },
      ...months.map((m) => ({ key: (r) => survival(r).curve.find((p) => p.months === m)?.share ?? null, label: `${m} ${m === 1 ? "month" : "months"}`, numeric: true, format: (v) => percent(v) })),
    ],
    rows,
  });
}

// Runs last: every declaration above is initialised by then.
const me = await header();
if (me) await start();
