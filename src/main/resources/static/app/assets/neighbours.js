// Statistical neighbours (statisticalNeighbours): our measures beside our neighbours' published
// values, their median and England's. Empty until the LA code is set and DfE's lists are imported.
import { gql, header, esc, table, count, chart, bindForm, defaultPeriod, loading, figures, PALETTE } from "/app/assets/app.js";

const QUERY = `query Neighbours($year: Int!) {
  statisticalNeighbours(year: $year) {
    year laCode laName note
    neighbours { laCode laName rank }
    comparisons { code name localValue localNumerator localDenominator localPublished
      neighbourValues { laCode laName rank value suppressed }
      neighbourMedian neighboursWithValue england localRank rankedOf }
  }
}`;


async function start() {
  const period = await defaultPeriod();
  await bindForm(document.getElementById("neighbours-form"), { year: period.year }, show);
}

const value = (v) => (v === null || v === undefined ? "-" : `${v.toFixed(1)}%`);

async function show(v) {
  const year = Number(v.year);
  if (!Number.isInteger(year)) throw new Error("Enter the year the year ends in, e.g. 2026.");
  loading("note");
  const s = (await gql(QUERY, { year })).statisticalNeighbours;
  const setCode = s.laCode
    ? ""
    : `Set <code>childjourneys.authority.la-code</code> to this authority's ONS code (e.g. E06000001) and restart the service. Then import`;
  document.getElementById("note").innerHTML = s.note
    ? `<div class="cj-note" id="neighbours-note"><h2 class="govuk-heading-s">Nothing to compare with yet</h2>
        <p class="govuk-body">${esc(s.note)}.</p>
        <p class="govuk-body">To compare: ${setCode ? `${setCode} DfE's` : "import DfE's"} statistical neighbour list and its published LA-level indicators
        (as an administrator, with the service running):</p>
        <pre class="cj-code">import/import.sh neighbours &lt;statistical-neighbours.csv&gt;
import/import.sh indicators &lt;la-indicators.csv&gt;</pre>
        <p class="govuk-body">import/README.md says where to get them and what their columns are; import/examples/ has small made-up examples.</p></div>`
    : "";
  document.getElementById("summary").innerHTML = s.laCode
    ? figures([
        [`${s.laName ?? ""} ${s.laCode}`.trim(), "us"],
        [String(s.neighbours.length), "neighbours"],
        [`1 April ${s.year - 1} to 31 March ${s.year}`, "year"],
      ])
    : "";
  document.getElementById("comparison-section").hidden = !s.comparisons.length;
  const plotted = s.comparisons.some((m) => m.localValue !== null || m.england !== null || m.neighbourValues.some((n) => n.value !== null));
  document.getElementById("neighbours-chart").hidden = !plotted;
  if (s.comparisons.length) {
    if (plotted) draw(s);
    comparisonTable(s);
    valuesTable(s);
  } else {
    document.getElementById("comparisons").innerHTML = "";
  }
  document.getElementById("neighbours").innerHTML = s.neighbours.length
    ? table({
        id: "neighbour-list",
        caption: "Our statistical neighbours, nearest first",
        columns: [
          { key: "rank", label: "Rank", format: (r) => String(r) },
          { key: "laCode", label: "ONS code" },
          { key: "laName", label: "Local authority" },
        ],
        rows: s.neighbours,
      })
    : "";
}

function draw(s) {
  const c = s.comparisons;
  const points = (f) => c.flatMap((m, i) => (f(m) === null || f(m) === undefined ? [] : [[f(m), i]]));
  document.getElementById("neighbours-chart").style.height = `${Math.max(260, 80 + c.length * 34)}px`;
  chart("neighbours-chart", {
    aria: {
      enabled: true,
      label: {
        description: c.map((m) => `${m.name}: ours ${value(m.localValue)}, neighbours' median ${value(m.neighbourMedian)}, England ${value(m.england)}`).join("; "),
      },
    },
    tooltip: { trigger: "item", formatter: (p) => `${esc(c[p.value[1]].name)}<br>${esc(p.data.who ?? p.seriesName)}: ${value(p.value[0])}` },
    legend: { top: 0 },
    grid: { left: 20, right: 30, top: 40, bottom: 30, containLabel: true },
    xAxis: { type: "value", min: 0, name: "%" },
    yAxis: { type: "category", inverse: true, data: c.map((m) => m.name), axisLabel: { width: 420, overflow: "truncate" } },
    series: [
      {
        name: "Neighbours",
        type: "scatter",
        symbolSize: 9,
        itemStyle: { color: "#b1b4b6", borderColor: "#505a5f" },
        data: c.flatMap((m, i) => m.neighbourValues.filter((n) => n.value !== null).map((n) => ({ value: [n.value, i], who: n.laName ?? n.laCode }))),
      },
      { name: "Neighbours' median", type: "scatter", symbol: "rect", symbolSize: [4, 22], itemStyle: { color: PALETTE[1] }, data: points((m) => m.neighbourMedian) },
      { name: "England", type: "scatter", symbol: "triangle", symbolSize: 13, itemStyle: { color: "#d4351c" }, data: points((m) => m.england) },
      { name: "Us", type: "scatter", symbol: "diamond", symbolSize: 16, itemStyle: { color: PALETTE[0] }, data: points((m) => m.localValue), z: 5 },
    ],
  });
}

function comparisonTable(s) {
  document.getElementById("comparisons").innerHTML = table({
    id: "comparisons-table",
    caption: `Our measures beside our neighbours' and England's, year ending 31 March ${s.year}`,
    columns: [
      { key: "name", label: "Measure" },
      { key: "localValue", label: "Us", numeric: true, format: (x, m) => (x !== null ? value(x) : m.localDenominator === 0 ? "none" : count(null)) },
      { key: (m) => m, label: "How many of", numeric: true, format: (m) => `${count(m.localNumerator)} of ${count(m.localDenominator)}` },
      { key: "localPublished", label: "DfE published for us", numeric: true, format: value },
      { key: "neighbourMedian", label: "Neighbours' median", numeric: true, format: value },
      { key: "neighboursWithValue", label: "Neighbours with a value", numeric: true },
      { key: "england", label: "England", numeric: true, format: value },
      { key: (m) => m, label: "Our place (1 = lowest)", numeric: true, format: (m) => (m.localRank === null ? "-" : `${m.localRank} of ${m.rankedOf}`) },
    ],
    rows: s.comparisons,
  });
}

function valuesTable(s) {
  const c = s.comparisons;
  document.getElementById("values").innerHTML = table({
    id: "neighbour-values",
    caption: "Each neighbour's published value (c: withheld by DfE; -: none imported)",
    columns: [
      { key: (n) => `${n.rank}. ${n.laName ?? n.laCode}`, label: "Neighbour" },
      ...c.map((m) => ({
        key: (n) => m.neighbourValues.find((x) => x.laCode === n.laCode),
        label: m.code,
        numeric: true,
        format: (x) => (!x ? "-" : x.suppressed ? "c" : value(x.value)),
      })),
    ],
    rows: s.neighbours,
  });
}

// Runs last: every declaration above is initialised by then.
const me = await header();
if (me) await start();
