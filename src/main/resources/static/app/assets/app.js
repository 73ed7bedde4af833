// Shared by every page: GraphQL over the signed-in session, the header, accessible tables and
// error messages. No build step: plain ES modules served from the jar.

export const PURPOSES = {
  REFERRAL_TRIAGE: "Referral triage (front door)",
  SECTION_47: "Section 47 enquiry",
  SAFEGUARDING: "Safeguarding",
  OPEN_CASE: "Working on an open case",
  EARLY_HELP_ASSESSMENT: "Early help assessment",
  PRACTICE_LEARNING: "Practice learning (outcomes only)",
  AUDIT: "Case file audit",
  DATA_QUALITY: "Data quality",
  ANALYSIS: "Analysis",
};

/** Runs a GraphQL operation; throws an Error whose message is fit to show the user. */
export async function gql(query, variables = {}) {
  let response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        // Read-your-writes on a cluster: send back the bookmarks of the last answer.
        ...(sessionStorage.getItem("neo4jBookmark") ? { "Neo4j-Bookmark": sessionStorage.getItem("neo4jBookmark") } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (e) {
    throw new Error("The service could not be reached. Check your connection and try again.");
  }
  if (response.status === 401) {
    window.location.assign("/login?expired");
    throw new Error("Your session has ended: sign in again.");
  }
  if (!response.ok) {
    throw new Error(`The service answered ${response.status}: ${await response.text()}`);
  }
  const bookmark = response.headers.get("Neo4j-Bookmark");
  if (bookmark) sessionStorage.setItem("neo4jBookmark", bookmark);
  const body = await response.json();
  if (body.errors && body.errors.length) {
    throw new Error(body.errors.map((e) => e.message).join(" "));
  }
  return body.data;
}

let meCache;
export function me() {
  meCache ??= gql("{ me { name role team recordPurposes } }").then((d) => d.me);
  return meCache;
}

const AGGREGATE_ROLES = ["MANAGER", "LEADER", "ANALYST", "QUALITY_ASSURANCE"];
const PAGES = [
  { href: "/app/child.html", label: "Find a child", show: (m) => m.recordPurposes.length > 0 },
  { href: "/app/overlap.html", label: "Service overlap", show: (m) => AGGREGATE_ROLES.includes(m.role) },
  { href: "/app/pathways.html", label: "Pathways", show: (m) => AGGREGATE_ROLES.includes(m.role) },
  { href: "/app/feedback.html", label: "Front-door feedback", show: (m) => AGGREGATE_ROLES.includes(m.role) },
  { href: "/app/onward.html", label: "Onward journeys", show: (m) => AGGREGATE_ROLES.includes(m.role) },
  { href: "/app/stability.html", label: "Placement stability", show: (m) => AGGREGATE_ROLES.includes(m.role) },
  { href: "/app/trends.html", label: "Trends and hotspots", show: (m) => AGGREGATE_ROLES.includes(m.role) },
  { href: "/app/neighbours.html", label: "Statistical neighbours", show: (m) => AGGREGATE_ROLES.includes(m.role) },
];

/** The pages this user's role can use (the home page lists them). */
export async function pagesForMe() {
  const m = await me();
  return PAGES.filter((p) => p.show(m));
}

/** Fills the page's header: service name, navigation for this role, who is signed in. */
export async function header() {
  const root = document.getElementById("cj-header");
  let m;
  try {
    m = await me();
  } catch (e) {
    showError(e.message);
    return null;
  }
  const here = window.location.pathname;
  const links = PAGES.filter((p) => p.show(m))
    .map((p) => `<li><a href="${p.href}"${p.href === here ? ' aria-current="page"' : ""}>${esc(p.label)}</a></li>`)
    .join("");
  root.innerHTML = `
    <div class="govuk-width-container">
      <a class="cj-header__name" href="/app/">Child Journeys</a>
      <span class="cj-user">${esc(m.name)} (${esc(label(m.role))})
        <form method="post" action="/logout" style="display:inline"><button class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" id="sign-out">Sign out</button></form></span>
      <nav aria-label="Pages"><ul class="cj-nav">${links}</ul></nav>
    </div>`;
  return m;
}

export function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

const ACRONYMS = new Set(["cin", "cp", "lac", "ehc", "neet", "gp", "s47", "uasc", "yot", "nfa", "sen", "send", "camhs", "lsoa", "imd", "la", "eet", "ed"]);

/** "OPEN_CASE" -> "Open case", "LAC_EPISODE" -> "LAC episode". */
export function label(code) {
  if (code == null) return "";
  const words = String(code).replace(/_/g, " ").toLowerCase().split(" ");
  const s = words.map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w)).join(" ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Formats an aggregate count; null means suppressed (1 to 5) under the disclosure rules. */
export function count(value) {
  if (value === null || value === undefined) {
    return '<span class="cj-suppressed"><abbr title="suppressed: between 1 and 5, or could reveal one">[c]</abbr></span>';
  }
  return typeof value === "number" ? value.toLocaleString("en-GB") : esc(value);
}

export function percent(value, digits = 1) {
  if (value === null || value === undefined) return count(null);
  return `${(value * 100).toFixed(digits)}%`;
}

/**
 * An accessible table: caption, column headers with scope, numeric columns right-aligned.
 * columns: [{ key, label, numeric, format(value, row) }]
 */
export function table({ id, caption, columns, rows, empty = "Nothing to show." }) {
  if (!rows.length) {
    return `<p class="govuk-body" id="${esc(id)}">${esc(empty)}</p>`;
  }
  const head = columns
    .map((c) => `<th scope="col" class="govuk-table__header${c.numeric ? " govuk-table__header--numeric" : ""}">${esc(c.label)}</th>`)
    .join("");
  const body = rows
    .map((r) => {
      const cells = columns.map((c, i) => {
        const raw = typeof c.key === "function" ? c.key(r) : r[c.key];
        const html = c.format ? c.format(raw, r) : c.numeric ? count(raw) : esc(raw);
        const cls = `govuk-table__${i === 0 ? "header" : "cell"}${c.numeric ? (i === 0 ? " govuk-table__header--numeric" : " govuk-table__cell--numeric") : ""}`;
        return i === 0 ? `<th scope="row" class="${cls}">${html}</th>` : `<td class="${cls}">${html}</td>`;
      });
      return `<tr class="govuk-table__row">${cells.join("")}</tr>`;
    })
    .join("");
  return `<div class="cj-table-wrap"><table class="govuk-table" id="${esc(id)}">
      <caption class="govuk-table__caption govuk-table__caption--m">${esc(caption)}</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">${head}</tr></thead>
      <tbody class="govuk-table__body">${body}</tbody></table></div>`;
}

/** Shows an error summary at the top of the main content and moves focus to it. */
export function showError(message) {
  const main = document.querySelector("main");
  let box = document.getElementById("cj-error");
  if (!box) {
    box = document.createElement("div");
    box.id = "cj-error";
    box.className = "govuk-error-summary";
    box.setAttribute("role", "alert");
    box.setAttribute("tabindex", "-1");
    main.prepend(box);
  }
  box.innerHTML = `<h2 class="govuk-error-summary__title">There is a problem</h2>
    <div class="govuk-error-summary__body"><p class="govuk-body">${esc(message)}</p></div>`;
  box.focus();
}

export function clearError() {
  document.getElementById("cj-error")?.remove();
}

/** Starts an ECharts chart with its accessible description on; the numbers are in a table below. */
export function chart(elementId, option) {
  const el = document.getElementById(elementId);
  const existing = window.echarts.getInstanceByDom(el);
  existing?.dispose();
  const c = window.echarts.init(el, null, { renderer: "svg" });
  c.setOption({ aria: { enabled: true }, animation: false, ...option });
  window.addEventListener("resize", () => c.resize());
  return c;
}

/** Query-string parameters as an object. */
export function params() {
  return Object.fromEntries(new URLSearchParams(window.location.search));
}

/** The financial year (1 April to 31 March) before today's date, as the default period. */
export function lastFinancialYear(today = new Date()) {
  const y = today.getMonth() >= 3 ? today.getFullYear() : today.getFullYear() - 1;
  return { from: `${y - 1}-04-01`, to: `${y}-03-31` };
}

// ---- Shared by the aggregate pages (overlap, pathways, measures, trends...) ----

/** The nine service domains in the API's order, with their names (migration V005). */
export const SERVICES = {
  SOCIAL_CARE: "Social care",
  EARLY_HELP: "Early help",
  EDUCATION: "Education",
  SEND_NEET: "SEND and NEET",
  YOUTH_JUSTICE: "Youth justice",
  UNIVERSAL: "Universal",
  HOUSING: "Housing",
  POLICE: "Police",
  HEALTH: "Health",
};

export function serviceName(code) {
  return SERVICES[code] ?? label(code);
}

/** GOV.UK colours, distinguishable on white, for chart series. */
export const PALETTE = ["#1d70b8", "#f47738", "#00703c", "#4c2c92", "#d4351c", "#28a197", "#912b88", "#85994b", "#b58840", "#505a5f", "#5694ca", "#003078"];

let authorityCache;
/** The authority's name, whether synthetic, and its reference date (the last day the data describes). */
export function authority() {
  authorityCache ??= gql("{ authority { name synthetic referenceDate } }").then((d) => d.authority);
  return authorityCache;
}

/** The last whole financial year (1 April to 31 March) ending on or before date (YYYY-MM-DD). */
export function financialYearEndingBy(date) {
  const [y, m, d] = date.split("-").map(Number);
  const end = m > 3 || (m === 3 && d === 31) ? y : y - 1;
  return { from: `${end - 1}-04-01`, to: `${end}-03-31`, year: end };
}

/** The aggregate pages' default period: the last financial year the authority's data covers. */
export async function defaultPeriod() {
  const a = await authority();
  if (a.referenceDate) return financialYearEndingBy(a.referenceDate);
  const fy = lastFinancialYear();
  return { ...fy, year: Number(fy.to.slice(0, 4)) };
}

/** A date moved by whole years, as YYYY-MM-DD. */
export function addYears(date, years) {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

/**
 * A parameter form: filled from the address (keys prefixed with prefix) or else the defaults; on
 * submit its values go into the address and run(values) is called, as it is once at the start.
 * Checkboxes sharing a name give an array (comma-separated in the address).
 */
export function bindForm(form, defaults, run, prefix = "") {
  const q = params();
  const names = [...new Set([...form.elements].filter((e) => e.name).map((e) => e.name))];
  const isList = (n) => form.querySelectorAll(`input[type=checkbox][name="${n}"]`).length > 0;
  for (const n of names) {
    const given = q[prefix + n];
    if (isList(n)) {
      const chosen = given !== undefined ? given.split(",").filter(Boolean) : (defaults[n] ?? []);
      form.querySelectorAll(`input[name="${n}"]`).forEach((c) => (c.checked = chosen.includes(c.value)));
    } else if (form.querySelector(`input[type=radio][name="${n}"]`)) {
      const v = given ?? defaults[n];
      form.querySelectorAll(`input[name="${n}"]`).forEach((r) => (r.checked = r.value === String(v)));
    } else if (given !== undefined || defaults[n] !== undefined) {
      form.elements[n].value = given ?? defaults[n];
    }
  }
  const read = () => {
    const values = {};
    for (const n of names) {
      if (isList(n)) {
        values[n] = [...form.querySelectorAll(`input[name="${n}"]:checked`)].map((c) => c.value);
      } else if (form.querySelector(`input[type=radio][name="${n}"]`)) {
        values[n] = form.querySelector(`input[name="${n}"]:checked`)?.value ?? "";
      } else {
        values[n] = form.elements[n].value.trim();
      }
    }
    return values;
  };
  const go = async () => {
    clearError();
    const values = read();
    const address = new URLSearchParams(window.location.search);
    for (const n of names) address.delete(prefix + n);
    for (const [n, v] of Object.entries(values)) {
      if (Array.isArray(v) || v !== "") address.set(prefix + n, Array.isArray(v) ? v.join(",") : v);
    }
    window.history.replaceState(null, "", `${window.location.pathname}?${address}`);
    const button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    try {
      await run(values);
    } catch (e) {
      showError(e.message);
    } finally {
      if (button) button.disabled = false;
    }
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    go();
  });
  return go();
}

/** Shows "Loading..." in the elements while an answer is awaited. */
export function loading(...ids) {
  for (const id of ids) {
    const el = document.getElementById(id);
    if (el) el.innerHTML = '<p class="govuk-body cj-loading">Loading...</p>';
  }
}

/** Headline figures as a row of boxes: [[value (shown with count()), label], ...]. */
export function figures(items) {
  return `<ul class="cj-figures">${items
    .map(([v, k]) => `<li><span class="cj-figure__value">${typeof v === "string" ? esc(v) : count(v)}</span><span class="cj-figure__label">${esc(k)}</span></li>`)
    .join("")}</ul>`;
}

/** Points the board-report links (ids download-csv, -xlsx, -html) at path.{csv,xlsx,html} with these parameters. */
export function reportLinks(path, values) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && !v.length)) query.set(k, Array.isArray(v) ? v.join(",") : v);
  }
  for (const format of ["csv", "xlsx", "html"]) {
    const a = document.getElementById(`download-${format}`);
    if (a) a.href = `${path}.${format}?${query}`;
  }
}

/** A rate with its 95% interval: "12.3% (8.1% to 17.0%)". */
export function rateWithInterval(rate, low, high) {
  if (rate === null || rate === undefined) return count(null);
  return low === null || low === undefined ? percent(rate) : `${percent(rate)} <span class="cj-interval">(${percent(low)} to ${percent(high)})</span>`;
}

/** "n (r%)" for a count of a base (a rate only when both are shown and the base is not 0). */
export function countOf(n, base) {
  if (n === null || n === undefined) return count(null);
  return base ? `${count(n)} <span class="cj-interval">(${percent(n / base)})</span>` : count(n);
}

/**
 * A Sankey chart. nodes: [{ id, label, depth }]; links: [{ source, target, children }]. A link whose
 * count is withheld (null) is not drawn (its width would tell the count); the table beside says so.
 */
export function sankey(elementId, { nodes, links, description, colour = (n) => PALETTE[0] }) {
  const drawn = links.filter((l) => l.children);
  const used = new Set(drawn.flatMap((l) => [l.source, l.target]));
  const byId = Object.fromEntries(nodes.map((n) => [n.id, n]));
  return chart(elementId, {
    aria: { enabled: true, label: { description } },
    tooltip: {
      trigger: "item",
      formatter: (p) =>
        p.dataType === "edge"
          ? `${esc(byId[p.data.source]?.label)} to ${esc(byId[p.data.target]?.label)}: ${p.data.value.toLocaleString("en-GB")} children`
          : `${esc(byId[p.name]?.label)}: ${p.value.toLocaleString("en-GB")} children`,
    },
    series: [
      {
        type: "sankey",
        left: 10,
        right: 150,
        top: 10,
        bottom: 10,
        nodeGap: 10,
        layoutIterations: 32,
        emphasis: { focus: "adjacency" },
        label: { formatter: (p) => byId[p.name]?.label ?? p.name, color: "#0b0c0c" },
        lineStyle: { color: "gradient", opacity: 0.35 },
        data: nodes
          .filter((n) => used.has(n.id))
          .map((n) => ({ name: n.id, depth: n.depth, itemStyle: { color: colour(n) } })),
        links: drawn.map((l) => ({ source: l.source, target: l.target, value: l.children })),
      },
    ],
  });
}
