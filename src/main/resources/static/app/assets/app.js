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
