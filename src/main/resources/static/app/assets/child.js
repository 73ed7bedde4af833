// The child page: search, the purpose asked once per child, then the visual chronology (one lane
// per service), who is in touch, the family network, data coverage and practitioners' notes.
import { PURPOSES, gql, header, esc, label, table, showError, clearError, chart, params } from "/app/assets/app.js";

const PAGE = 80;
const MAX_ITEMS = 1000;

const ITEM = `id category kind service date end decision closureReason team needCodes text recordedBy
  flags { flag source reason by } source { system name asAt }`;
const PROFESSIONAL = `id name role team organisation email phone lead confirmed { email phone by at }`;
const INVOLVEMENT = `id kind service start end closureReason source { system asAt }
  team { id name email phone organisation } lead { ${PROFESSIONAL} } professionals { ${PROFESSIONAL} }`;

const CHILD = `query Child($id: ID!, $purpose: Purpose!, $enhanced: Boolean) {
  child(id: $id, purpose: $purpose) {
    id givenName familyName birthDate sex ethnicity
    summary { asOf openInvolvements contactsLast12Months referralsLast12Months reReferral
      repeatContactsLast12Months previousCpPlans firstContact lastContact }
    chronology(first: ${PAGE}, order: OLDEST_FIRST, enhanced: $enhanced) {
      totalCount pageInfo { hasNextPage endCursor } withheld { service access reason }
      edges { node { ${ITEM} } }
    }
  }
}`;
const MORE = `query More($id: ID!, $purpose: Purpose!, $after: String, $enhanced: Boolean) {
  child(id: $id, purpose: $purpose) {
    chronology(first: ${PAGE}, after: $after, order: OLDEST_FIRST, enhanced: $enhanced) {
      pageInfo { hasNextPage endCursor } edges { node { ${ITEM} } }
    }
  }
}`;
const CONTACTS = `query InTouch($id: ID!, $purpose: Purpose!) {
  child(id: $id, purpose: $purpose) {
    inTouch { asOf now { ${INVOLVEMENT} } previously { ${INVOLVEMENT} }
      coverage { service inTouchNow note sources { system name asAt coveredFrom coveredTo } } }
    family { id givenName familyName birthDate relationship parentalResponsibility livesWithChild isChild
      openInvolvements { kind service start team } }
  }
}`;

const state = { me: null, id: null, purpose: null, child: null, items: [], hiddenLanes: new Set() };

const me = await header();
if (me) start(me);

function start(m) {
  state.me = m;
  if (!m.recordPurposes.length) {
    showError("Your role reads aggregates only, not children's records.");
    document.getElementById("search-section").hidden = true;
    return;
  }
  const q = params();
  document.getElementById("search-purpose").innerHTML = m.recordPurposes
    .map((p) => `<option value="${p}">${esc(PURPOSES[p] ?? label(p))}</option>`)
    .join("");
  document.getElementById("search").addEventListener("submit", search);
  if (q.id) {
    state.id = q.id;
    const purpose = q.purpose ?? sessionStorage.getItem(`purpose:${q.id}`);
    if (purpose && m.recordPurposes.includes(purpose)) {
      open(purpose);
    } else {
      askPurpose(m);
    }
  }
}

async function search(event) {
  event.preventDefault();
  clearError();
  const form = event.target;
  const vars = { purpose: form.purpose.value };
  for (const f of ["name", "identifier", "birthDate", "postcode"]) {
    if (form[f].value.trim()) vars[f] = form[f].value.trim();
  }
  if (!vars.name && !vars.identifier && !(vars.birthDate && vars.postcode)) {
    showError("Enter a name, an identifier, or a date of birth with a postcode.");
    return;
  }
  const results = document.getElementById("results");
  results.innerHTML = '<p class="govuk-body cj-loading">Searching...</p>';
  try {
    const data = await gql(
      `query Search($purpose: Purpose!, $name: String, $identifier: String, $birthDate: Date, $postcode: String) {
        searchChildren(purpose: $purpose, name: $name, identifier: $identifier, birthDate: $birthDate, postcode: $postcode, first: 20) {
          score matchedOn child { id givenName familyName birthDate sex } } }`,
      vars,
    );
    const rows = data.searchChildren;
    results.innerHTML = table({
      id: "search-results",
      caption: `${rows.length} ${rows.length === 1 ? "child" : "children"} found`,
      empty: "No child found. Check the spelling, or search by date of birth and postcode.",
      columns: [
        {
          key: (r) => r.child,
          label: "Child",
          format: (c) => `<a class="govuk-link" href="/app/child.html?id=${encodeURIComponent(c.id)}&purpose=${vars.purpose}">${esc(c.givenName)} ${esc(c.familyName)}</a>`,
        },
        { key: (r) => r.child.id, label: "Id" },
        { key: (r) => r.child.birthDate, label: "Date of birth" },
        { key: (r) => r.matchedOn.map(label).join(", "), label: "Matched on" },
      ],
      rows,
    });
  } catch (e) {
    results.innerHTML = "";
    showError(e.message);
  }
}

function askPurpose(m) {
  document.getElementById("search-section").hidden = true;
  document.getElementById("purpose-section").hidden = false;
  document.getElementById("purpose-options").innerHTML = m.recordPurposes
    .map(
      (p, i) => `<div class="govuk-radios__item">
        <input class="govuk-radios__input" id="purpose-${p}" name="purpose" type="radio" value="${p}"${i === 0 ? " checked" : ""}>
        <label class="govuk-label govuk-radios__label" for="purpose-${p}">${esc(PURPOSES[p] ?? label(p))}</label></div>`,
    )
    .join("");
  document.getElementById("purpose-form").addEventListener("submit", (e) => {
    e.preventDefault();
    open(e.target.purpose.value);
  });
}

async function open(purpose) {
  state.purpose = purpose;
  sessionStorage.setItem(`purpose:${state.id}`, purpose);
  document.getElementById("search-section").hidden = true;
  document.getElementById("purpose-section").hidden = true;
  try {
    await loadChronology(false);
    if (!state.child) return;
    document.getElementById("child-section").hidden = false;
    showIdentity();
    showSummary();
    showTimeline();
    const contacts = (await gql(CONTACTS, { id: state.id, purpose })).child;
    showInTouch(contacts.inTouch);
    showFamily(contacts.family);
    showCoverage(contacts.inTouch);
    wireAnnotations();
    wireFilters();
  } catch (e) {
    showError(e.message);
  }
}

async function loadChronology(enhanced) {
  const data = await gql(CHILD, { id: state.id, purpose: state.purpose, enhanced });
  if (!data.child) {
    document.getElementById("search-section").hidden = false;
    showError(`No child ${state.id} that you may read for ${PURPOSES[state.purpose] ?? state.purpose}.`);
    state.child = null;
    return;
  }
  state.child = data.child;
  state.items = data.child.chronology.edges.map((e) => e.node);
  let page = data.child.chronology.pageInfo;
  while (page.hasNextPage && state.items.length < MAX_ITEMS) {
    const more = (await gql(MORE, { id: state.id, purpose: state.purpose, after: page.endCursor, enhanced })).child.chronology;
    state.items.push(...more.edges.map((e) => e.node));
    page = more.pageInfo;
  }
  state.truncated = page.hasNextPage;
}

function showIdentity() {
  const c = state.child;
  document.getElementById("child-name").textContent = `${c.givenName ?? ""} ${c.familyName ?? ""}`.trim() || c.id;
  document.getElementById("child-facts").textContent =
    `Id ${c.id}` + (c.birthDate ? `, born ${c.birthDate}` : "") + (c.sex ? `, ${label(c.sex)}` : "") + (c.ethnicity ? `, ethnicity ${c.ethnicity}` : "");
  document.getElementById("purpose-banner").innerHTML =
    `Reading for: <strong id="purpose-shown">${esc(PURPOSES[state.purpose] ?? state.purpose)}</strong>. ` +
    `<a class="govuk-link cj-no-print" id="change-purpose" href="/app/child.html?id=${encodeURIComponent(state.id)}">Change purpose</a>`;
  document.getElementById("change-purpose").addEventListener("click", () => sessionStorage.removeItem(`purpose:${state.id}`));
  document.title = `${document.getElementById("child-name").textContent} - Child Journeys`;
  const withheld = state.child.chronology.withheld;
  document.getElementById("withheld").innerHTML = withheld.length
    ? `<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>
        Not shown for this purpose: ${withheld.map((w) => `${esc(w.service)} (${esc(w.reason)})`).join("; ")}</strong></div>`
    : "";
}

function showSummary() {
  const s = state.child.summary;
  const figures = [
    [s.openInvolvements, "open involvements", false],
    [s.contactsLast12Months, "contacts in 12 months", false],
    [s.referralsLast12Months, "referrals in 12 months", false],
    [s.reReferral ? "Yes" : "No", "re-referral within 12 months", s.reReferral],
    [s.repeatContactsLast12Months, "repeat contacts in 12 months", s.repeatContactsLast12Months > 0],
    [s.previousCpPlans, "previous child protection plans", s.previousCpPlans > 0],
    [s.firstContact ?? "None", "first contact", false],
  ];
  document.getElementById("summary").innerHTML =
    figures
      .map(([v, k, alert]) => `<li${alert ? ' class="cj-figure--alert"' : ""}><span class="cj-figure__value">${esc(v)}</span><span class="cj-figure__label">${esc(k)}</span></li>`)
      .join("") + `<li><span class="cj-figure__value">${esc(s.asOf)}</span><span class="cj-figure__label">as at</span></li>`;
}

function flagOf(item, kind) {
  return item.flags.some((f) => f.flag === kind);
}

function lanes() {
  const seen = [];
  for (const i of state.items) if (!seen.includes(i.service)) seen.push(i.service);
  return seen;
}

function showTimeline() {
  const all = lanes();
  const shown = all.filter((l) => !state.hiddenLanes.has(l));
  const asOf = Date.parse(state.child.summary.asOf);
  const items = state.items.filter((i) => !state.hiddenLanes.has(i.service));
  const lane = (i) => shown.indexOf(i.service);
  const point = (i) => ({ value: [Date.parse(i.date), lane(i)], item: i });
  const involvements = items
    .filter((i) => i.category === "INVOLVEMENT")
    .map((i) => ({ value: [lane(i), Date.parse(i.date), i.end ? Date.parse(i.end) : asOf], item: i }));
  const markers = (pred) => items.filter((i) => i.category !== "INVOLVEMENT" && pred(i)).map(point);
  const plain = (i) => !flagOf(i, "TRAUMATIC") && !flagOf(i, "STRENGTH");
  const tooltip = (p) => {
    const i = p.data.item;
    const dates = i.end ? `${i.date} to ${i.end}` : i.category === "INVOLVEMENT" ? `${i.date} (open)` : i.date;
    const flags = i.flags.map((f) => label(f.flag)).join(", ");
    return `<strong>${esc(label(i.kind))}</strong> (${esc(label(i.service))})<br>${esc(dates)}` +
      (i.decision ? `<br>Decision: ${esc(label(i.decision))}` : "") +
      (i.team ? `<br>Team: ${esc(i.team)}` : "") + (flags ? `<br>${esc(flags)}` : "") + (i.text ? `<br>${esc(i.text)}` : "");
  };
  const c = chart("timeline", {
    aria: { enabled: true, label: { description: `Chronology of ${state.child.id}: ${items.length} items in ${shown.length} services.` } },
    tooltip: { trigger: "item", formatter: tooltip },
    legend: { top: 0 },
    grid: { left: 110, right: 30, top: 40, bottom: 70 },
    xAxis: { type: "time" },
    yAxis: { type: "category", data: shown.map(label), inverse: true },
    dataZoom: [{ type: "slider", xAxisIndex: 0, bottom: 10 }, { type: "inside", xAxisIndex: 0 }],
    series: [
      {
        name: "Involvements",
        type: "custom",
        encode: { x: [1, 2], y: 0 },
        renderItem: (params, api) => {
          const start = api.coord([api.value(1), api.value(0)]);
          const end = api.coord([api.value(2), api.value(0)]);
          const height = api.size([0, 1])[1] * 0.45;
          const rect = echarts.graphic.clipRectByRect(
            { x: start[0], y: start[1] - height / 2, width: Math.max(end[0] - start[0], 2), height },
            { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height },
          );
          return rect && { type: "rect", shape: rect, style: api.style({ fill: "#1d70b8", opacity: 0.55 }) };
        },
        itemStyle: { color: "#1d70b8" },
        data: involvements,
      },
      { name: "Contacts", type: "scatter", symbol: "circle", symbolSize: 9, itemStyle: { color: "#505a5f" }, data: markers((i) => i.category === "CONTACT" && plain(i)) },
      { name: "Events", type: "scatter", symbol: "diamond", symbolSize: 11, itemStyle: { color: "#4c2c92" }, data: markers((i) => i.category === "EVENT" && plain(i)) },
      { name: "Notes", type: "scatter", symbol: "rect", symbolSize: 9, itemStyle: { color: "#f47738" }, data: markers((i) => i.category === "NOTE" && plain(i)) },
      { name: "Traumatic events", type: "scatter", symbol: "triangle", symbolSize: 16, itemStyle: { color: "#d4351c" }, data: items.filter((i) => flagOf(i, "TRAUMATIC")).map(point) },
      { name: "Strengths", type: "scatter", symbol: "path://M50,0 L61,35 L98,35 L68,57 L79,91 L50,70 L21,91 L32,57 L2,35 L39,35 Z", symbolSize: 15, itemStyle: { color: "#00703c" }, data: items.filter((i) => flagOf(i, "STRENGTH")).map(point) },
    ],
  });
  c.on("datazoom", () => {
    const axis = c.getModel().getComponent("xAxis", 0).axis.scale.getExtent();
    document.getElementById("zoom-from").value = new Date(axis[0]).toISOString().slice(0, 10);
    document.getElementById("zoom-to").value = new Date(axis[1]).toISOString().slice(0, 10);
  });
  state.chart = c;
  document.getElementById("timeline").dataset.lanes = shown.join("|");
  showChronologyTable(items);
  showLaneFilters(all);
}

function showChronologyTable(items) {
  const note = state.truncated ? ` (the first ${items.length}; the API pages through the rest)` : "";
  document.getElementById("chronology-table").innerHTML = table({
    id: "chronology",
    caption: `${items.length} items, oldest first${note}`,
    columns: [
      { key: "date", label: "Date" },
      { key: "end", label: "End" },
      { key: (r) => label(r.service), label: "Service" },
      { key: (i) => label(i.category), label: "Type" },
      { key: (i) => label(i.kind), label: "What" },
      { key: (i) => label(i.decision ?? i.closureReason), label: "Decision or closure" },
      { key: "team", label: "Team" },
      {
        key: (i) => i.flags,
        label: "Flags",
        format: (flags) => flags.map((f) => `<span class="cj-flag--${f.flag}">${esc(label(f.flag))}</span>${f.reason ? ` (${esc(f.reason)})` : ""}`).join("<br>"),
      },
      { key: (i) => i.text ?? i.needCodes.join(", "), label: "Notes and needs" },
    ],
    rows: items,
  });
  document.getElementById("flag-item").innerHTML = state.items
    .filter((i) => i.category !== "NOTE")
    .map((i) => `<option value="${esc(i.id)}">${esc(i.date)} ${esc(label(i.kind))} (${esc(i.service)})</option>`)
    .join("");
}

function showLaneFilters(all) {
  document.getElementById("lane-filters").innerHTML = all
    .map(
      (l, n) => `<div class="govuk-checkboxes__item">
        <input class="govuk-checkboxes__input" id="lane-${n}" type="checkbox" value="${esc(l)}"${state.hiddenLanes.has(l) ? "" : " checked"}>
        <label class="govuk-label govuk-checkboxes__label" for="lane-${n}">${esc(label(l))}</label></div>`,
    )
    .join("");
}

let filtersWired = false;
function wireFilters() {
  if (filtersWired) return;
  filtersWired = true;
  document.getElementById("lane-filters").addEventListener("change", (e) => {
    if (e.target.checked) state.hiddenLanes.delete(e.target.value);
    else state.hiddenLanes.add(e.target.value);
    showTimeline();
  });
  const zoom = () => {
    const from = document.getElementById("zoom-from").value;
    const to = document.getElementById("zoom-to").value;
    if (from && to && from <= to) {
      state.chart.dispatchAction({ type: "dataZoom", startValue: Date.parse(from), endValue: Date.parse(to) });
    }
  };
  document.getElementById("zoom-from").addEventListener("change", zoom);
  document.getElementById("zoom-to").addEventListener("change", zoom);
  document.getElementById("enhanced").addEventListener("change", async (e) => {
    try {
      await loadChronology(e.target.checked);
      showTimeline();
    } catch (err) {
      showError(err.message);
    }
  });
}

function contactLine(p) {
  if (!p) return "";
  const email = p.confirmed?.email ?? p.email;
  const phone = p.confirmed?.phone ?? p.phone;
  return `${esc(p.name)}${p.role ? `, ${esc(label(p.role))}` : ""}` +
    (phone ? `<br>Phone <a class="govuk-link" href="tel:${esc(phone)}">${esc(phone)}</a>` : "") +
    (email ? `<br>Email <a class="govuk-link" href="mailto:${esc(email)}">${esc(email)}</a>` : "") +
    (p.confirmed ? `<br><span class="govuk-body-s">Confirmed by ${esc(p.confirmed.by)}</span>` : "");
}

function teamLine(t) {
  if (!t) return "";
  return `${esc(t.name)}${t.organisation ? ` (${esc(t.organisation)})` : ""}` +
    (t.phone ? `<br>Phone <a class="govuk-link" href="tel:${esc(t.phone)}">${esc(t.phone)}</a>` : "") +
    (t.email ? `<br>Email <a class="govuk-link" href="mailto:${esc(t.email)}">${esc(t.email)}</a>` : "");
}

function showInTouch(inTouch) {
  document.getElementById("in-touch-now").innerHTML = table({
    id: "in-touch-now-table",
    caption: `In touch now (as at ${inTouch.asOf})`,
    empty: "No service is in touch now, as far as the sources cover.",
    columns: [
      { key: (r) => label(r.service), label: "Service" },
      { key: (r) => label(r.kind), label: "Involvement" },
      { key: "start", label: "Since" },
      { key: (r) => r.team, label: "Team", format: teamLine },
      { key: (r) => r.lead ?? r.professionals[0], label: "Lead professional", format: contactLine },
    ],
    rows: inTouch.now,
  });
  document.getElementById("in-touch-previously").innerHTML = table({
    id: "in-touch-previously-table",
    caption: "Previously in touch",
    empty: "No earlier involvement.",
    columns: [
      { key: (r) => label(r.service), label: "Service" },
      { key: (r) => label(r.kind), label: "Involvement" },
      { key: "start", label: "From" },
      { key: "end", label: "To" },
      { key: (r) => label(r.closureReason), label: "Closure" },
      { key: (r) => r.team, label: "Team", format: teamLine },
      { key: (r) => r.lead ?? r.professionals[0], label: "Lead professional", format: contactLine },
    ],
    rows: inTouch.previously,
  });
}

function showFamily(family) {
  document.getElementById("family").innerHTML = table({
    id: "family-table",
    caption: "Family and household",
    empty: "No family members recorded.",
    columns: [
      { key: (r) => label(r.relationship), label: "Relationship" },
      { key: (r) => `${r.givenName ?? ""} ${r.familyName ?? ""}`.trim(), label: "Name" },
      { key: "birthDate", label: "Date of birth" },
      { key: (r) => (r.parentalResponsibility == null ? "Not known" : r.parentalResponsibility ? "Yes" : "No"), label: "Parental responsibility" },
      { key: (r) => (r.livesWithChild ? "Yes" : "No"), label: "Lives with child" },
      { key: (r) => r.openInvolvements.map((i) => `${label(i.kind)} (${label(i.service)})`).join(", "), label: "Open involvements" },
    ],
    rows: family,
  });
}

function showCoverage(inTouch) {
  document.getElementById("coverage").innerHTML = table({
    id: "coverage-table",
    caption: "What each source covers, and when it was last updated",
    columns: [
      { key: (r) => label(r.service), label: "Service" },
      { key: (r) => (r.inTouchNow == null ? "Not known" : r.inTouchNow ? "Yes" : "No"), label: "In touch now" },
      {
        key: (r) => r.sources,
        label: "Sources (covered, as at)",
        format: (sources) => sources.map((s) => `${esc(s.name ?? s.system)}: ${esc(s.coveredFrom ?? "?")} to ${esc(s.coveredTo ?? "?")}, as at ${esc(s.asAt ?? "?")}`).join("<br>"),
      },
      { key: "note", label: "Note" },
    ],
    rows: inTouch.coverage,
  });
}

function wireAnnotations() {
  document.getElementById("note-date").value = state.child.summary.asOf;
  document.getElementById("note-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    clearError();
    const date = document.getElementById("note-date").value;
    const text = document.getElementById("note-text").value.trim();
    if (!date || !text) {
      showError("Enter the note's date and text.");
      return;
    }
    await annotate(
      `mutation Note($purpose: Purpose!, $childId: ID!, $date: Date!, $text: String!) {
        addChronologyNote(purpose: $purpose, childId: $childId, date: $date, text: $text) { id } }`,
      { purpose: state.purpose, childId: state.id, date, text },
      "Note added.",
    );
    document.getElementById("note-text").value = "";
  });
  document.getElementById("flag-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    clearError();
    await annotate(
      `mutation Flag($purpose: Purpose!, $childId: ID!, $itemId: ID!, $flag: ChronologyFlagKind!, $reason: String) {
        flagChronologyItem(purpose: $purpose, childId: $childId, itemId: $itemId, flag: $flag, reason: $reason) { id } }`,
      {
        purpose: state.purpose,
        childId: state.id,
        itemId: document.getElementById("flag-item").value,
        flag: document.getElementById("flag-kind").value,
        reason: document.getElementById("flag-reason").value.trim() || null,
      },
      "Item flagged.",
    );
  });
}

async function annotate(mutation, variables, done) {
  try {
    await gql(mutation, variables);
    await loadChronology(document.getElementById("enhanced").checked);
    showTimeline();
    document.getElementById("saved").innerHTML = `<p class="govuk-body" role="status">${esc(done)}</p>`;
  } catch (e) {
    showError(e.message);
  }
}
