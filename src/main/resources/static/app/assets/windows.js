// Shared by front-door feedback and onward journeys: groups of cases, each followed up over several
// windows (3, 6, 12... months), with how many went on to each outcome. Charts rates of the followed
// up; tables show the counts with the rate beside.
import { esc, table, countOf, chart, PALETTE } from "/app/assets/app.js";

export const MAX_SERIES = 10;

/** The longest window in which some group has cases followed up (else the shortest). */
export function longestFollowed(rows) {
  const months = rows[0]?.windows.map((w) => w.months) ?? [];
  const followed = months.filter((m) => rows.some((r) => r.windows.find((w) => w.months === m)?.followedUp));
  return followed.length ? followed[followed.length - 1] : months[0];
}

/** The window selector's options (the months the rows have), keeping the chosen one. */
export function windowOptions(select, rows, chosen) {
  const months = rows[0]?.windows.map((w) => w.months) ?? [3, 6, 12];
  select.innerHTML = months.map((m) => `<option value="${m}">${m} months</option>`).join("");
  select.value = months.includes(Number(chosen)) ? String(chosen) : String(longestFollowed(rows));
}

/**
 * A bar chart: x the outcomes, one bar per group (the largest MAX_SERIES groups), the share of the
 * group's cases followed up for the window that had the outcome.
 */
export function windowChart(id, { rows, months, groupName, size, outcomes, description }) {
  const groups = [...rows].sort((a, b) => (size(b) ?? 0) - (size(a) ?? 0)).slice(0, MAX_SERIES);
  const at = (r) => r.windows.find((w) => w.months === months);
  chart(id, {
    aria: { enabled: true, label: { description } },
    color: PALETTE,
    tooltip: { trigger: "axis", valueFormatter: (v) => (v === null || v === undefined ? "[c] or none followed up" : `${v}%`) },
    legend: { top: 0, type: "scroll" },
    grid: { left: 60, right: 20, top: 50, bottom: 40 },
    xAxis: { type: "category", data: outcomes.map((o) => o.label), axisLabel: { interval: 0 } },
    yAxis: { type: "value", name: `% of those followed up ${months} months`, nameTextStyle: { align: "left" } },
    series: groups.map((r) => ({
      name: groupName(r),
      type: "bar",
      data: outcomes.map((o) => {
        const w = at(r);
        return w && w.followedUp && w[o.key] !== null && w.followedUp !== null ? Number(((100 * w[o.key]) / w.followedUp).toFixed(1)) : null;
      }),
    })),
  });
  return groups.length < rows.length ? `The chart shows the ${groups.length} largest of ${rows.length} groups; the table has them all.` : "";
}

/** One row per group and window: the group, its cases, the window, followed up, each outcome. */
export function windowTable(id, { caption, rows, dimensions, total, outcomes }) {
  const flat = rows.flatMap((r) => r.windows.map((w) => ({ row: r, w })));
  return table({
    id,
    caption,
    empty: "No cases in the period.",
    columns: [
      ...dimensions.map((d, i) => ({
        key: (x) => x.row,
        label: d.label,
        format: (r) => `${esc(d.value(r))}${i === 0 && r.realNumbers ? ' <span class="cj-own-team">(your team: real numbers)</span>' : ""}`,
      })),
      { key: (x) => x.row[total.key], label: total.label, numeric: true },
      { key: (x) => x.w.months, label: "Within months", numeric: true },
      { key: (x) => x.w.followedUp, label: "Followed up", numeric: true },
      ...outcomes.map((o) => ({ key: (x) => x, label: o.label, numeric: true, format: (x) => countOf(x.w[o.key], x.w.followedUp) })),
    ],
    rows: flat,
  });
}


/** A line chart over time: x each row's period (time(row)), one line per outcome, for the window. */
export function windowTimeChart(id, { rows, months, time, outcomes, description }) {
  const sorted = [...rows].sort((a, b) => String(time(a)).localeCompare(String(time(b))));
  chart(id, {
    aria: { enabled: true, label: { description } },
    color: PALETTE,
    tooltip: { trigger: "axis", valueFormatter: (v) => (v === null || v === undefined ? "[c] or none followed up" : `${v}%`) },
    legend: { top: 0 },
    grid: { left: 60, right: 20, top: 50, bottom: 40 },
    xAxis: { type: "category", data: sorted.map(time) },
    yAxis: { type: "value", name: `% of those followed up ${months} months`, nameTextStyle: { align: "left" } },
    series: outcomes.map((o) => ({
      name: o.label,
      type: "line",
      symbolSize: 7,
      connectNulls: false,
      data: sorted.map((r) => {
        const w = r.windows.find((x) => x.months === months);
        return w && w.followedUp && w[o.key] !== null ? Number(((100 * w[o.key]) / w.followedUp).toFixed(1)) : null;
      }),
    })),
  });
}
