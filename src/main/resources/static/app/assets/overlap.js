// Service overlap: which services children were known to together (serviceOverlap), as an UpSet
// chart of exact combinations, a heatmap of pairs, and before/during/after one chosen service.
import { gql, header, esc, table, count, percent, chart, bindForm, defaultPeriod, loading, figures, reportLinks, SERVICES, serviceName, PALETTE } from "/app/assets/app.js";

const QUERY = `query Overlap($from: Date!, $to: Date!, $services: [String!], $cohortId: ID, $relativeTo: String) {
  serviceOverlap(from: $from, to: $to, services: $services, cohortId: $cohortId, relativeTo: $relativeTo) {
    from to cohortId children
    services { service children }
    pairs { a b both jaccard }
    combinations { services children }
    relativeTo { service children ended others { service before beforeShare during duringShare after afterShare } }
  }
}`;
const SHOWN_COMBINATIONS = 25;
const DEFAULT_SERVICES = Object.keys(SERVICES).filter((s) => s !== "UNIVERSAL" && s !== "HEALTH");


async function start() {
  const form = document.getElementById("overlap-form");
  document.getElementById("services").innerHTML = Object.entries(SERVICES)
    .map(
      ([code, name]) => `<div class="govuk-checkboxes__item">
        <input class="govuk-checkboxes__input" id="service-${code}" name="services" type="checkbox" value="${code}">
        <label class="govuk-label govuk-checkboxes__label" for="service-${code}">${esc(name)}</label></div>`,
    )
    .join("");
  document.getElementById("relativeTo").insertAdjacentHTML(
    "beforeend",
    Object.entries(SERVICES).map(([code, name]) => `<option value="${code}">${esc(name)}</option>`).join(""),
  );
  try {
    const { cohorts } = await gql("{ cohorts(first: 100) { id name size } }");
    document.getElementById("cohortId").insertAdjacentHTML(
      "beforeend",
      cohorts.map((c) => `<option value="${esc(c.id)}">Cohort: ${esc(c.name)}</option>`).join(""),
    );
  } catch (e) {
    // Saved cohorts are optional here: the overlap of everyone active still works.
  }
  const period = await defaultPeriod();
  await bindForm(form, { from: period.from, to: period.to, services: DEFAULT_SERVICES, cohortId: "", relativeTo: "" }, show);
}

async function show(v) {
  if (v.services.length < 2) throw new Error("Choose at least two services.");
  if (!v.from || !v.to || v.from > v.to) throw new Error("Enter a period: the start on or before the end.");
  const vars = { from: v.from, to: v.to, services: v.services, cohortId: v.cohortId || null, relativeTo: v.relativeTo || null };
  reportLinks("/reports/overlap", { from: v.from, to: v.to, services: v.services, cohortId: v.cohortId, relativeTo: v.relativeTo });
  loading("combinations", "pairs", "singles", "relative");
  const o = (await gql(QUERY, vars)).serviceOverlap;
  document.getElementById("results").hidden = false;
  const cohort = document.getElementById("cohortId").selectedOptions[0]?.textContent;
  document.getElementById("summary").innerHTML = figures([
    [o.children, o.cohortId ? cohort : "children active in the period"],
    [`${o.from} to ${o.to}`, "period"],
    [String(o.services.length), "services compared"],
    [String(o.combinations.length), "combinations found"],
  ]);
  upset(o);
  combinationsTable(o);
  heatmap(o);
  pairTables(o);
  relative(o);
}

function combinationName(c) {
  return c.services.length ? c.services.map(serviceName).join(" + ") : "None of these services";
}

function upset(o) {
  const services = o.services.map((s) => s.service);
  const combos = o.combinations.slice(0, SHOWN_COMBINATIONS);
  const x = combos.map((_, i) => String(i + 1));
  const member = [];
  const other = [];
  const spans = [];
  combos.forEach((c, i) => {
    const rows = services.map((s, j) => (c.services.includes(s) ? j : -1)).filter((j) => j >= 0);
    services.forEach((s, j) => (rows.includes(j) ? member : other).push({ value: [i, j], combination: c }));
    if (rows.length > 1) spans.push([i, Math.min(...rows), Math.max(...rows)]);
  });
  const left = 130;
  chart("upset", {
    aria: {
      enabled: true,
      label: {
        description: `Bar chart of the ${combos.length} largest combinations of services, over a matrix of dots saying which services each has. ` +
          combos.map((c) => `${combinationName(c)}: ${c.children ?? "withheld"}`).join("; "),
      },
    },
    tooltip: {
      trigger: "item",
      formatter: (p) => {
        const c = p.data?.combination ?? combos[p.dataIndex];
        return `${esc(combinationName(c))}<br>${c.children === null ? "[c] (withheld)" : `${c.children.toLocaleString("en-GB")} children`}`;
      },
    },
    grid: [
      { left, right: 20, top: 20, height: "52%" },
      { left, right: 20, top: "62%", bottom: 45 },
    ],
    xAxis: [
      { type: "category", data: x, gridIndex: 0, axisLabel: { show: false }, axisTick: { show: false } },
      { type: "category", data: x, gridIndex: 1, name: "Combination (numbered as in the table)", nameLocation: "middle", nameGap: 28, axisLabel: { interval: 0 }, axisTick: { show: false }, axisLine: { show: false } },
    ],
    yAxis: [
      { type: "value", gridIndex: 0, name: "Children", nameLocation: "middle", nameGap: 50 },
      { type: "category", gridIndex: 1, data: services.map(serviceName), inverse: true, axisTick: { show: false }, axisLine: { show: false }, splitLine: { show: true, lineStyle: { color: "#f3f2f1" } } },
    ],
    series: [
      {
        name: "Children",
        type: "bar",
        xAxisIndex: 0,
        yAxisIndex: 0,
        barMaxWidth: 40,
        itemStyle: { color: PALETTE[0] },
        label: { show: true, position: "top", formatter: (p) => (combos[p.dataIndex].children === null ? "[c]" : p.value.toLocaleString("en-GB")), color: "#0b0c0c" },
        data: combos.map((c) => c.children ?? 0),
      },
      {
        name: "Lines",
        type: "custom",
        xAxisIndex: 1,
        yAxisIndex: 1,
        silent: true,
        encode: { x: 0, y: [1, 2] },
        renderItem: (params, api) => {
          const top = api.coord([api.value(0), api.value(1)]);
          const bottom = api.coord([api.value(0), api.value(2)]);
          return { type: "line", shape: { x1: top[0], y1: top[1], x2: bottom[0], y2: bottom[1] }, style: { stroke: "#0b0c0c", lineWidth: 3 } };
        },
        data: spans,
        z: 2,
      },
      { name: "In the combination", type: "scatter", xAxisIndex: 1, yAxisIndex: 1, symbolSize: 13, itemStyle: { color: "#0b0c0c" }, data: member, z: 3 },
      { name: "Not in it", type: "scatter", xAxisIndex: 1, yAxisIndex: 1, symbolSize: 11, itemStyle: { color: "#dee0e2" }, data: other, z: 1 },
    ],
  });
}

function combinationsTable(o) {
  document.getElementById("combinations").innerHTML = table({
    id: "combinations-table",
    caption: `Children by exact combination of services, ${o.from} to ${o.to} (${o.combinations.length} combinations, largest first)`,
    columns: [
      { key: (c) => c, label: "Combination", format: (c, r) => `${o.combinations.indexOf(r) + 1}. ${esc(combinationName(c))}` },
      { key: "children", label: "Children", numeric: true },
    ],
    rows: o.combinations,
    empty: "No child in the cohort.",
  });
}

function heatmap(o) {
  const services = o.services.map((s) => s.service);
  const index = Object.fromEntries(services.map((s, i) => [s, i]));
  const max = Math.max(0.05, ...o.pairs.map((p) => p.jaccard ?? 0));
  const shaded = [];
  const plain = [];
  o.services.forEach((s, i) => plain.push({ value: [i, i, 0], text: s.children === null ? "[c]" : s.children.toLocaleString("en-GB"), own: true, pair: s, itemStyle: { color: "#f3f2f1" }, label: { fontWeight: "bold" } }));
  for (const p of o.pairs) {
    for (const [i, j] of [[index[p.a], index[p.b]], [index[p.b], index[p.a]]]) {
      const text = p.both === null ? "[c]" : p.both.toLocaleString("en-GB");
      if (p.jaccard !== null) {
        const dark = p.jaccard > max * 0.45;
        shaded.push({ value: [i, j, p.jaccard], text: `${text}\n${p.jaccard.toFixed(2)}`, pair: p, label: { color: dark ? "#ffffff" : "#0b0c0c" } });
      }
      else plain.push({ value: [i, j, 0], text, pair: p, itemStyle: { color: "#ffffff", borderColor: "#dee0e2", borderWidth: 1 } });
    }
  }
  const names = services.map(serviceName);
  const tip = (p) => {
    const d = p.data;
    if (d.own) return `${esc(serviceName(d.pair.service))}: ${count(d.pair.children)} children`;
    return `${esc(serviceName(d.pair.a))} and ${esc(serviceName(d.pair.b))}: ${count(d.pair.both)} children with both` +
      (d.pair.jaccard !== null ? `<br>Jaccard ${d.pair.jaccard.toFixed(3)}` : "<br>Jaccard withheld");
  };
  const label = { show: true, formatter: (p) => p.data.text, color: "#0b0c0c", lineHeight: 16 };
  document.getElementById("heatmap").style.height = `${Math.min(560, 130 + 50 * services.length)}px`;
  chart("heatmap", {
    aria: {
      enabled: true,
      label: {
        description: `Matrix of the ${services.length} services: children known to both of each pair, shaded by the Jaccard index. ` +
          o.pairs.map((p) => `${serviceName(p.a)} and ${serviceName(p.b)}: ${p.both ?? "withheld"}`).join("; "),
      },
    },
    tooltip: { trigger: "item", formatter: tip },
    grid: { left: 120, right: 20, top: 10, bottom: 90 },
    xAxis: { type: "category", data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 }, splitArea: { show: false } },
    yAxis: { type: "category", data: names, inverse: true },
    visualMap: {
      seriesIndex: 0,
      min: 0,
      max: Number(max.toFixed(2)),
      calculable: false,
      orient: "horizontal",
      left: "center",
      bottom: 0,
      precision: 2,
      text: ["Jaccard: more overlap", "less"],
      inRange: { color: ["#e8f1f8", "#5694ca", "#1d70b8", "#003078"] },
    },
    series: [
      { name: "Pairs", type: "heatmap", data: shaded, label, itemStyle: { borderColor: "#ffffff", borderWidth: 2 } },
      { name: "Services and withheld pairs", type: "heatmap", data: plain, label },
    ],
  });
}

function pairTables(o) {
  document.getElementById("singles").innerHTML = table({
    id: "service-children-table",
    caption: "Children with each service",
    columns: [
      { key: (s) => serviceName(s.service), label: "Service" },
      { key: "children", label: "Children", numeric: true },
    ],
    rows: o.services,
  });
  document.getElementById("pairs").innerHTML = table({
    id: "pairs-table",
    caption: "Children with both services of each pair",
    columns: [
      { key: (p) => serviceName(p.a), label: "Service" },
      { key: (p) => serviceName(p.b), label: "And service" },
      { key: "both", label: "Children with both", numeric: true },
      { key: "jaccard", label: "Jaccard index", numeric: true, format: (j) => (j === null ? count(null) : j.toFixed(3)) },
    ],
    rows: o.pairs,
  });
}

function relative(o) {
  const section = document.getElementById("relative-section");
  const t = o.relativeTo;
  section.hidden = !t;
  if (!t) return;
  const name = serviceName(t.service);
  document.getElementById("relative-heading").textContent = `Before, during and after ${name}`;
  document.getElementById("relative-intro").innerHTML =
    `Of the ${count(t.children)} children known to ${esc(name)} in the period, how many were known to each other service before it began, while it was open, and after it ended. ` +
    `"After" is out of the ${count(t.ended)} whose ${esc(name)} involvement had ended.`;
  const others = t.others;
  const bar = (key, nameOf, colour) => ({
    name: nameOf,
    type: "bar",
    itemStyle: { color: colour },
    data: others.map((s) => (s[key] === null ? null : Number((s[key] * 100).toFixed(1)))),
  });
  chart("relative-chart", {
    aria: {
      enabled: true,
      label: { description: `Share of the children of ${name} known to each other service before, during and after it, in per cent.` },
    },
    tooltip: { trigger: "axis", valueFormatter: (v) => (v === null || v === undefined ? "[c]" : `${v}%`) },
    legend: { top: 0 },
    grid: { left: 60, right: 20, top: 40, bottom: 40 },
    xAxis: { type: "category", data: others.map((s) => serviceName(s.service)), axisLabel: { interval: 0 } },
    yAxis: { type: "value", name: "% of children", max: 100 },
    series: [bar("beforeShare", "Before", PALETTE[3]), bar("duringShare", "During", PALETTE[0]), bar("afterShare", "After", PALETTE[1])],
  });
  document.getElementById("relative").innerHTML = table({
    id: "relative-table",
    caption: `Children of ${name} (${t.children ?? "[c]"}) known to each other service before, during and after it`,
    columns: [
      { key: (s) => serviceName(s.service), label: "Service" },
      { key: "before", label: "Before", numeric: true },
      { key: "beforeShare", label: "Share", numeric: true, format: (v) => percent(v) },
      { key: "during", label: "During", numeric: true },
      { key: "duringShare", label: "Share", numeric: true, format: (v) => percent(v) },
      { key: "after", label: "After", numeric: true },
      { key: "afterShare", label: "Share of ended", numeric: true, format: (v) => percent(v) },
    ],
    rows: others,
  });
}

// Runs last: every declaration above is initialised by then.
const me = await header();
if (me) await start();
