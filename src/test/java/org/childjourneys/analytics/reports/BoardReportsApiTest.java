package org.childjourneys.analytics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.childjourneys.IntegrationTest;
import org.childjourneys.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.client.RestClient;

/**
 * Board reports over HTTP on the synthetic authority: every cell of the workbook and of each CSV is
 * the value the GraphQL query returns for the same arguments (withheld ones {@code [c]}), the
 * printable page shows them with the method note, and access and parameters are checked as for
 * GraphQL.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class BoardReportsApiTest extends IntegrationTest {

  private static final String OVERLAP_ARGS = "from=2025-04-01&to=2026-03-31&relativeTo=EARLY_HELP";

  private static final String OVERLAP =
      """
      { serviceOverlap(from: "2025-04-01", to: "2026-03-31", relativeTo: "EARLY_HELP") {
          from to cohortId children
          services { service children }
          pairs { a b both jaccard }
          combinations { services children }
          relativeTo { service children ended
                       others { service before beforeShare during duringShare after afterShare } } } }
      """;

  private static final String PATHWAYS_ARGS =
      "outcome=CP_PLAN&from=2022-04-01&to=2026-03-31&minSupport=6&first=20";

  private static final String PATHWAYS =
      """
      { pathways(outcome: "CP_PLAN", from: "2022-04-01", to: "2026-03-31", minSupport: 6, first: 20) {
          outcome from to by minSupport children withOutcome outcomeRate outcomeRateLow outcomeRateHigh
          pathways { steps support withOutcome outcomeRate outcomeRateLow outcomeRateHigh lift liftLow liftHigh }
          sankey { nodes { id step position } links { source target children } } } }
      """;

  @LocalServerPort int port;

  record Download(int status, HttpHeaders headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  Download get(String user, String path) {
    RestClient.RequestHeadersSpec<?> request =
        RestClient.create("http://localhost:" + port).get().uri(path);
    if (user != null) {
      request = request.header("Authorization", TestUsers.basic(user));
    }
    return request.exchange(
        (req, res) ->
            new Download(
                res.getStatusCode().value(), res.getHeaders(), res.getBody().readAllBytes()));
  }

  Map overlap() {
    return as("manager").document(OVERLAP).execute().path("serviceOverlap").entity(Map.class).get();
  }

  Map pathways() {
    return as("manager").document(PATHWAYS).execute().path("pathways").entity(Map.class).get();
  }

  // --- What each table must hold, from the GraphQL answer --------------------------------------

  static final String C = "[c]";
  static final String Z = "[z]";

  static Object count(Object v) {
    return v == null ? C : v;
  }

  /** A derived value: itself; withheld when a count it is built on is; otherwise not applicable. */
  static Object derived(Object v, Object... bases) {
    if (v != null) {
      return v;
    }
    for (Object b : bases) {
      if (b == null) {
        return C;
      }
    }
    return Z;
  }

  static Map<String, List<List<Object>>> overlapTables(Map o) {
    Map<String, List<List<Object>>> tables = new java.util.LinkedHashMap<>();
    Map t = (Map) o.get("relativeTo");
    tables.put(
        "summary",
        t == null
            ? List.of(List.of("Children in the cohort", count(o.get("children"))))
            : List.of(
                List.of("Children in the cohort", count(o.get("children"))),
                List.of("Children of EARLY_HELP in the period", count(t.get("children"))),
                List.of("Of them, children whose EARLY_HELP had ended", count(t.get("ended")))));
    Map<String, Object> byService = new HashMap<>();
    List<List<Object>> services = new ArrayList<>();
    for (Map s : (List<Map>) o.get("services")) {
      byService.put((String) s.get("service"), s.get("children"));
      services.add(List.of(s.get("service"), count(s.get("children"))));
    }
    tables.put("services", services);
    List<List<Object>> pairs = new ArrayList<>();
    for (Map p : (List<Map>) o.get("pairs")) {
      pairs.add(
          List.of(
              p.get("a"),
              p.get("b"),
              count(p.get("both")),
              derived(
                  p.get("jaccard"),
                  p.get("both"),
                  byService.get(p.get("a")),
                  byService.get(p.get("b")))));
    }
    tables.put("pairs", pairs);
    List<List<Object>> combinations = new ArrayList<>();
    for (Map c : (List<Map>) o.get("combinations")) {
      List<String> names = (List<String>) c.get("services");
      combinations.add(
          List.of(
              names.isEmpty() ? "(none of these services)" : String.join(" + ", names),
              names.size(),
              count(c.get("children"))));
    }
    tables.put("combinations", combinations);
    if (t == null) {
      return tables;
    }
    List<List<Object>> relative = new ArrayList<>();
    for (Map s : (List<Map>) t.get("others")) {
      relative.add(
          List.of(
              s.get("service"),
              count(s.get("before")),
              derived(s.get("beforeShare"), s.get("before"), t.get("children")),
              count(s.get("during")),
              derived(s.get("duringShare"), s.get("during"), t.get("children")),
              count(s.get("after")),
              derived(s.get("afterShare"), s.get("after"), t.get("ended"))));
    }
    tables.put("relative", relative);
    return tables;
  }

  static Map<String, List<List<Object>>> pathwayTables(Map p) {
    Map<String, List<List<Object>>> tables = new java.util.LinkedHashMap<>();
    Object n = p.get("children");
    Object o = p.get("withOutcome");
    tables.put(
        "summary",
        List.of(
            List.of("Children in the population", count(n)),
            List.of("Children with the outcome", count(o)),
            List.of("Outcome rate", derived(p.get("outcomeRate"), o, n)),
            List.of("Outcome rate, 95% interval low", derived(p.get("outcomeRateLow"), o, n)),
            List.of("Outcome rate, 95% interval high", derived(p.get("outcomeRateHigh"), o, n))));
    List<List<Object>> rows = new ArrayList<>();
    int rank = 0;
    for (Map x : (List<Map>) p.get("pathways")) {
      Object a = x.get("withOutcome");
      List<String> steps = (List<String>) x.get("steps");
      rows.add(
          List.of(
              ++rank,
              String.join(" > ", steps),
              steps.size(),
              x.get("support"),
              count(a),
              derived(x.get("outcomeRate"), a),
              derived(x.get("outcomeRateLow"), a),
              derived(x.get("outcomeRateHigh"), a),
              derived(x.get("lift"), a),
              derived(x.get("liftLow"), a),
              derived(x.get("liftHigh"), a)));
    }
    tables.put("pathways", rows);
    List<List<Object>> links = new ArrayList<>();
    for (Map l : (List<Map>) ((Map) p.get("sankey")).get("links")) {
      links.add(List.of(l.get("source"), l.get("target"), count(l.get("children"))));
    }
    tables.put("sankey", links);
    return tables;
  }

  // --- Reading the files back ------------------------------------------------------------------

  static List<List<Object>> rows(Sheet sheet) {
    List<List<Object>> rows = new ArrayList<>();
    for (int r = XlsxReport.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      List<Object> values = new ArrayList<>();
      for (int c = 0; c < row.getLastCellNum(); c++) {
        Cell cell = row.getCell(c);
        values.add(
            cell.getCellType() == CellType.NUMERIC
                ? (Object) cell.getNumericCellValue()
                : cell.getStringCellValue());
      }
      rows.add(values);
    }
    return rows;
  }

  static List<String> headings(Sheet sheet) {
    List<String> headings = new ArrayList<>();
    sheet.getRow(XlsxReport.HEADER_ROW).forEach(c -> headings.add(c.getStringCellValue()));
    return headings;
  }

  /**
   * Each cell equal to the expected one: numbers as numbers (exactly), text and symbols as text.
   */
  static void assertSame(String where, List<List<Object>> actual, List<List<Object>> expected) {
    assertThat(actual).as(where).hasSameSizeAs(expected);
    for (int r = 0; r < expected.size(); r++) {
      assertThat(actual.get(r)).as("%s row %d", where, r).hasSameSizeAs(expected.get(r));
      for (int c = 0; c < expected.get(r).size(); c++) {
        Object e = expected.get(r).get(c);
        Object a = actual.get(r).get(c);
        if (e instanceof Number n) {
          double value = a instanceof Number x ? x.doubleValue() : Double.parseDouble((String) a);
          assertThat(value).as("%s row %d column %d", where, r, c).isEqualTo(n.doubleValue());
        } else {
          assertThat(a).as("%s row %d column %d", where, r, c).isEqualTo(e);
        }
      }
    }
  }

  static List<List<Object>> csvRows(Download d, List<String> headings) throws IOException {
    try (CSVParser parser =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(d.text()))) {
      assertThat(parser.getHeaderNames()).isEqualTo(headings);
      List<List<Object>> rows = new ArrayList<>();
      for (CSVRecord r : parser) {
        rows.add(new ArrayList<>(r.toList()));
      }
      return rows;
    }
  }

  static long withheld(Map<String, List<List<Object>>> tables) {
    return tables.values().stream()
        .flatMap(List::stream)
        .flatMap(List::stream)
        .filter(C::equals)
        .count();
  }

  static Map<String, String> method(Sheet sheet) {
    Map<String, String> notes = new java.util.LinkedHashMap<>();
    for (List<Object> row : rows(sheet)) {
      notes.merge((String) row.get(0), (String) row.get(1), (a, b) -> a + "\n" + b);
    }
    return notes;
  }

  // --- The tests --------------------------------------------------------------------------------

  @Test
  void theOverlapWorkbookAndCsvHoldExactlyTheGraphQlAnswer() throws IOException {
    Map<String, List<List<Object>>> expected = overlapTables(overlap());
    assertThat(withheld(expected)).as("the answer withholds some counts").isPositive();
    assertThat(expected.get("combinations")).hasSizeGreaterThan(5);

    Download xlsx = get("manager", "/reports/overlap.xlsx?" + OVERLAP_ARGS);
    assertThat(xlsx.status()).isEqualTo(200);
    assertThat(xlsx.headers().getContentType().toString())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(xlsx.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"overlap-2025-04-01-to-2026-03-31.xlsx\"");
    Map<String, List<String>> headings = new HashMap<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      List<String> sheets = new ArrayList<>();
      book.forEach(s -> sheets.add(s.getSheetName()));
      assertThat(sheets)
          .containsExactly(
              "Summary",
              "Services",
              "Pairs",
              "Combinations (UpSet)",
              "Relative to EARLY_HELP",
              "Method");
      int i = 0;
      for (Map.Entry<String, List<List<Object>>> e : expected.entrySet()) {
        Sheet sheet = book.getSheetAt(i++);
        headings.put(e.getKey(), headings(sheet));
        assertSame(sheet.getSheetName(), rows(sheet), e.getValue());
      }
      assertThat(headings.get("pairs"))
          .containsExactly("Service A", "Service B", "Children with both", "Jaccard");
      Map<String, String> method = method(book.getSheet("Method"));
      assertThat(method)
          .containsKeys(
              "Period",
              "Cohort",
              "Services",
              "Relative to EARLY_HELP",
              "Data",
              "Data reference date",
              "Small numbers",
              "Symbols",
              "Generated at",
              "Caveat");
      assertThat(method.get("Period")).isEqualTo("2025-04-01 to 2026-03-31 (inclusive)");
      assertThat(method.get("Data")).startsWith("SYNTHETIC");
      assertThat(method.get("Generated by")).isEqualTo("manager (MANAGER)");
      assertCoverage(method);
    }

    for (String table : expected.keySet()) {
      Download csv = get("manager", "/reports/overlap.csv?" + OVERLAP_ARGS + "&table=" + table);
      assertThat(csv.status()).as(table).isEqualTo(200);
      assertThat(csv.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION))
          .isEqualTo("attachment; filename=\"overlap-2025-04-01-to-2026-03-31-" + table + ".csv\"");
      assertSame("csv " + table, csvRows(csv, headings.get(table)), expected.get(table));
    }
    // Without table=, the main table.
    assertThat(get("manager", "/reports/overlap.csv?" + OVERLAP_ARGS).text())
        .isEqualTo(get("manager", "/reports/overlap.csv?" + OVERLAP_ARGS + "&table=pairs").text());
    Download method = get("manager", "/reports/overlap.csv?" + OVERLAP_ARGS + "&table=method");
    assertThat(method.text()).startsWith("Item,Detail\r\n").contains("Small numbers,");
  }

  /** Every source dataSources lists is in the method note with its coverage and as-at dates. */
  private void assertCoverage(Map<String, String> method) {
    List<Map> sources =
        as("manager")
            .document("{ dataSources { system coveredFrom coveredTo asAt } }")
            .execute()
            .path("dataSources")
            .entityList(Map.class)
            .get();
    assertThat(sources).isNotEmpty();
    for (Map s : sources) {
      String note = method.get("Data coverage: " + s.get("system"));
      assertThat(note).as("coverage of %s", s.get("system")).isNotNull();
      for (String k : List.of("coveredFrom", "coveredTo", "asAt")) {
        assertThat(note).contains(s.get(k) == null ? "not known" : (String) s.get(k));
      }
    }
  }

  @Test
  void aSavedCohortsOverlapNamesTheCohortInTheMethod() throws IOException {
    String cohortId =
        as("analyst")
            .document(
                """
                mutation { saveCohort(name: "Board report cohort",
                    definition: {services: ["SOCIAL_CARE"], from: "2025-04-01", to: "2026-03-31"}) { id } }
                """)
            .execute()
            .path("saveCohort.id")
            .entity(String.class)
            .get();
    Map o =
        as("manager")
            .document(
                """
                query($id: ID!) { serviceOverlap(from: "2025-04-01", to: "2026-03-31", cohortId: $id,
                    services: ["SOCIAL_CARE", "EARLY_HELP", "EDUCATION"]) {
                  from to cohortId children services { service children } pairs { a b both jaccard }
                  combinations { services children } } }
                """)
            .variable("id", cohortId)
            .execute()
            .path("serviceOverlap")
            .entity(Map.class)
            .get();
    Map<String, List<List<Object>>> expected = overlapTables(o);
    Download xlsx =
        get(
            "manager",
            "/reports/overlap.xlsx?from=2025-04-01&to=2026-03-31&services=SOCIAL_CARE,EARLY_HELP,"
                + "EDUCATION&cohortId="
                + cohortId);
    assertThat(xlsx.status()).isEqualTo(200);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(expected.size() + 1);
      int i = 0;
      for (Map.Entry<String, List<List<Object>>> e : expected.entrySet()) {
        Sheet sheet = book.getSheetAt(i++);
        assertSame(sheet.getSheetName(), rows(sheet), e.getValue());
      }
      String cohort = method(book.getSheet("Method")).get("Cohort");
      assertThat(cohort)
          .contains(cohortId)
          .contains("\"Board report cohort\"")
          .contains("SOCIAL_CARE")
          .contains("2025-04-01");
    }
  }

  @Test
  void thePathwaysWorkbookAndCsvHoldExactlyTheGraphQlAnswer() throws IOException {
    Map answer = pathways();
    Map<String, List<List<Object>>> expected = pathwayTables(answer);
    // Some pathways' rates and lifts are shown, some withheld.
    List<Map> shown = (List<Map>) answer.get("pathways");
    assertThat(shown).anyMatch(x -> x.get("liftLow") != null).anyMatch(x -> x.get("lift") == null);
    assertThat(answer.get("withOutcome")).isNotNull();
    assertThat(expected.get("sankey")).isNotEmpty();

    Download xlsx = get("analyst", "/reports/pathways.xlsx?" + PATHWAYS_ARGS);
    assertThat(xlsx.status()).isEqualTo(200);
    assertThat(xlsx.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"pathways-CP_PLAN-2022-04-01-to-2026-03-31.xlsx\"");
    Map<String, List<String>> headings = new HashMap<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      List<String> sheets = new ArrayList<>();
      book.forEach(s -> sheets.add(s.getSheetName()));
      assertThat(sheets).containsExactly("Summary", "Pathways", "Sankey links", "Method");
      int i = 0;
      for (Map.Entry<String, List<List<Object>>> e : expected.entrySet()) {
        Sheet sheet = book.getSheetAt(i++);
        headings.put(e.getKey(), headings(sheet));
        assertSame(sheet.getSheetName(), rows(sheet), e.getValue());
      }
      // Numbers are numeric cells with a display format; withheld ones are text.
      Row first = book.getSheet("Pathways").getRow(XlsxReport.HEADER_ROW + 1);
      assertThat(first.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
      Map<String, String> method = method(book.getSheet("Method"));
      assertThat(method.get("Outcome")).startsWith("CP_PLAN");
      assertThat(method.get("Generated by")).isEqualTo("analyst (ANALYST)");
      assertThat(method.get("Same figures as")).contains("minSupport: 6, first: 20");
      assertCoverage(method);
    }
    for (String table : expected.keySet()) {
      Download csv = get("analyst", "/reports/pathways.csv?" + PATHWAYS_ARGS + "&table=" + table);
      assertThat(csv.status()).as(table).isEqualTo(200);
      assertSame("csv " + table, csvRows(csv, headings.get(table)), expected.get(table));
    }
  }

  @Test
  void thePrintablePagesShowTheFiguresAndTheMethod() {
    Map o = overlap();
    Download page = get("leader", "/reports/overlap.html?" + OVERLAP_ARGS);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.headers().getContentType().toString()).startsWith("text/html");
    assertThat(page.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("inline; filename=\"overlap-2025-04-01-to-2026-03-31.html\"");
    assertThat(page.headers().getFirst("Content-Security-Policy"))
        .startsWith("default-src 'none'; style-src 'sha256-");
    String html = page.text();
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<html lang=\"en\">")
        .contains("<title>Overlap between services, 1 April 2025 to 31 March 2026</title>")
        .contains("@page { size: A4;")
        .contains("<svg ")
        .contains(
            "<caption>Children with an involvement of each service active in the period</caption>")
        .contains("<th scope=\"col\" class=\"n\">Children</th>")
        .contains("<h2>Method</h2>")
        .contains("<dt>Small numbers</dt><dd>Counts of 1 to 5 are withheld")
        .contains("Save as PDF")
        .doesNotContain("<script");
    for (Map s : (List<Map>) o.get("services")) {
      Integer n = (Integer) s.get("children");
      String cell =
          n == null ? "<abbr title=\"withheld to protect small numbers\">[c]</abbr>" : n.toString();
      assertThat(html)
          .contains("<tr><th scope=\"row\">" + s.get("service") + "</th><td class=\"n\">" + cell);
    }

    Map p = pathways();
    String pathways = get("quality-assurance", "/reports/pathways.html?" + PATHWAYS_ARGS).text();
    assertThat(pathways).contains("<title>Pathways to CP_PLAN, 1 April 2022 to 31 March 2026");
    // Each pathway's row: rank, steps, counts, then rates and lift rounded for reading.
    List<Map> rows = (List<Map>) p.get("pathways");
    for (int i = 0; i < rows.size(); i++) {
      Map x = rows.get(i);
      List<String> steps = (List<String>) x.get("steps");
      String row =
          "<tr><td class=\"n\">"
              + (i + 1)
              + "</td><th scope=\"row\">"
              + String.join(" &gt; ", steps)
              + "</th><td class=\"n\">"
              + steps.size()
              + "</td><td class=\"n\">"
              + x.get("support")
              + "</td><td class=\"n\">"
              + (x.get("withOutcome") == null ? WITHHELD_HTML : x.get("withOutcome"))
              + "</td><td class=\"n\">"
              + (x.get("outcomeRate") == null
                  ? WITHHELD_HTML
                  : String.format(Locale.UK, "%.1f%%", (Double) x.get("outcomeRate") * 100))
              + "</td>";
      assertThat(pathways).contains(row);
      if (x.get("liftLow") != null) {
        assertThat(pathways)
            .contains(
                String.format(
                    Locale.UK,
                    "<td class=\"n\">%.2f</td><td class=\"n\">%.2f</td><td class=\"n\">%.2f</td></tr>",
                    x.get("lift"),
                    x.get("liftLow"),
                    x.get("liftHigh")));
      }
    }
  }

  static final String WITHHELD_HTML =
      "<abbr title=\"withheld to protect small numbers\">[c]</abbr>";

  @Test
  void theRolesOfTheGraphQlQueriesMayDownloadAndNoOneElse() throws ClassNotFoundException {
    // The same expression guards the queries and the reports.
    for (String query : List.of("serviceOverlap", "pathways")) {
      Method m =
          java.util.Arrays.stream(
                  Class.forName(
                          "org.childjourneys.analytics.JourneyAnalyticsController",
                          false,
                          getClass().getClassLoader())
                      .getDeclaredMethods())
              .filter(x -> x.getName().equals(query))
              .findFirst()
              .orElseThrow();
      assertThat(m.getAnnotation(PreAuthorize.class).value())
          .isEqualTo(BoardReportController.READERS);
    }
    for (Method m : BoardReportController.class.getDeclaredMethods()) {
      if (m.isAnnotationPresent(org.springframework.web.bind.annotation.GetMapping.class)) {
        assertThat(m.getAnnotation(PreAuthorize.class).value())
            .as(m.getName())
            .isEqualTo(BoardReportController.READERS);
      }
    }
    for (String path :
        List.of(
            "/reports/overlap.csv?" + OVERLAP_ARGS,
            "/reports/overlap.xlsx?" + OVERLAP_ARGS,
            "/reports/overlap.html?" + OVERLAP_ARGS,
            "/reports/pathways.csv?" + PATHWAYS_ARGS,
            "/reports/pathways.xlsx?" + PATHWAYS_ARGS,
            "/reports/pathways.html?" + PATHWAYS_ARGS)) {
      assertThat(get("front-door", path).status()).as(path).isEqualTo(403);
      assertThat(get("frontline", path).status()).as(path).isEqualTo(403);
      assertThat(get("admin", path).status()).as(path).isEqualTo(403);
      // Not signed in: refused (401 with HTTP basic; a sign-in redirect would do as well).
      assertThat(get(null, path).status()).as(path).isIn(401, 302);
    }
    assertThat(get("quality-assurance", "/reports/overlap.csv?" + OVERLAP_ARGS).status())
        .isEqualTo(200);
  }

  @Test
  void badParametersAreRefusedNamingThem() {
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("/reports/overlap.xlsx?from=2025-13-01&to=2026-03-31", "from");
    cases.put("/reports/overlap.pdf?from=2025-04-01&to=2026-03-31", "format");
    cases.put("/reports/overlap.csv?to=2026-03-31", "from");
    cases.put("/reports/overlap.html?from=2025-04-01&to=31/03/2026", "to");
    cases.put("/reports/overlap.xlsx?from=2026-04-01&to=2026-03-31", "to");
    cases.put(
        "/reports/overlap.csv?from=2025-04-01&to=2026-03-31&services=BAKERY,HOUSING", "services");
    cases.put("/reports/overlap.csv?from=2025-04-01&to=2026-03-31&relativeTo=BAKERY", "relativeTo");
    cases.put("/reports/overlap.xlsx?from=2025-04-01&to=2026-03-31&cohortId=NO-SUCH", "cohortId");
    cases.put("/reports/overlap.csv?from=2025-04-01&to=2026-03-31&table=nope", "table");
    cases.put("/reports/pathways.xlsx?outcome=NOT_A_KIND&from=2025-04-01&to=2026-03-31", "outcome");
    cases.put("/reports/pathways.xlsx?from=2025-04-01&to=2026-03-31", "outcome");
    cases.put(
        "/reports/pathways.csv?" + PATHWAYS_ARGS.replace("minSupport=6", "minSupport=3"),
        "minSupport");
    cases.put("/reports/pathways.csv?" + PATHWAYS_ARGS.replace("first=20", "first=many"), "first");
    cases.put("/reports/pathways.html?" + PATHWAYS_ARGS + "&by=TEAM", "by");
    cases.forEach(
        (path, field) -> {
          Download d = get("manager", path);
          assertThat(d.status()).as(path).isEqualTo(400);
          assertThat(d.text())
              .as(path)
              .contains("\"field\":\"" + field + "\"")
              .contains("\"error\":\"" + field + ": ");
        });
    assertThat(get("manager", "/reports/overlap.xlsx?from=2025-13-01&to=2026-03-31").text())
        .contains("from: a date as yyyy-mm-dd, was '2025-13-01'");
  }
}
