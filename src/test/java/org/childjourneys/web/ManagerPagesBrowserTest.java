package org.childjourneys.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.childjourneys.IntegrationTest;
import org.childjourneys.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The manager and leader pages in a real browser, signed in as the manager through the sign-in
 * form: each page's tables show exactly what the GraphQL API answers the manager for the same
 * arguments (suppressed counts as [c]), the default period is the last financial year of the
 * authority's data, and no page logs an error. One browser for the whole class; screenshots go to
 * target/screenshots.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class ManagerPagesBrowserTest extends IntegrationTest {

  private static final String FROM = "2025-04-01";
  private static final String TO = "2026-03-31";

  private static Browser browser;

  @LocalServerPort private int port;

  @BeforeEach
  void openBrowser() {
    assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
    if (browser == null) {
      browser = new Browser("http://localhost:" + port);
      browser.signIn("manager", TestUsers.password("manager"));
      browser.console();
    }
  }

  @AfterEach
  void noErrors() {
    if (browser == null) {
      return;
    }
    List<String> severe = browser.console().stream().filter(l -> l.startsWith("SEVERE")).toList();
    assertThat(severe).as("console errors").isEmpty();
    assertThat(browser.driver.findElements(By.id("cj-error"))).as("error summary shown").isEmpty();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  /** The body rows of a table, each cell's text. */
  private static List<List<String>> rows(String tableId) {
    browser.waitFor(By.cssSelector("table#" + tableId));
    return (List<List<String>>)
        ((JavascriptExecutor) browser.driver)
            .executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(tr =>"
                    + " [...tr.children].map(c => c.innerText.trim()))",
                "#" + tableId + " tbody tr");
  }

  /** A count as the pages show it: [c] when withheld, else with thousands separators. */
  private static String shown(Object count) {
    return count == null ? "[c]" : String.format(Locale.UK, "%,d", ((Number) count).longValue());
  }

  /** The count of a "count (rate%)" cell. */
  private static String countOf(String cell) {
    int bracket = cell.indexOf(" (");
    return bracket < 0 ? cell : cell.substring(0, bracket);
  }

  private Map query(String document, String path, Map<String, Object> variables) {
    var request = as("manager").document(document);
    for (var v : variables.entrySet()) {
      request = request.variable(v.getKey(), v.getValue());
    }
    return request.execute().path(path).entity(Map.class).get();
  }

  private String inputValue(String id) {
    return browser.driver.findElement(By.id(id)).getDomProperty("value");
  }

  @Test
  void overlapShowsThePairsCombinationsAndTimingTheApiAnswers() {
    browser.open(
        "/app/overlap.html?from="
            + FROM
            + "&to="
            + TO
            + "&services=SOCIAL_CARE,EARLY_HELP,EDUCATION,YOUTH_JUSTICE&relativeTo=EARLY_HELP");
    List<List<String>> pairs = rows("pairs-table");
    Map o =
        query(
            """
            query($from: Date!, $to: Date!, $services: [String!], $relativeTo: String) {
              serviceOverlap(from: $from, to: $to, services: $services, relativeTo: $relativeTo) {
                children pairs { a b both jaccard } combinations { services children }
                relativeTo { children others { service before during after } } } }
            """,
            "serviceOverlap",
            Map.of(
                "from",
                FROM,
                "to",
                TO,
                "services",
                List.of("SOCIAL_CARE", "EARLY_HELP", "EDUCATION", "YOUTH_JUSTICE"),
                "relativeTo",
                "EARLY_HELP"));
    List<Map> apiPairs = (List<Map>) o.get("pairs");
    assertThat(pairs).hasSize(6).hasSameSizeAs(apiPairs);
    assertThat(apiPairs).anyMatch(p -> p.get("both") != null && (int) p.get("both") > 5);
    for (int i = 0; i < apiPairs.size(); i++) {
      assertThat(pairs.get(i).get(2))
          .as("pair %s", apiPairs.get(i))
          .isEqualTo(shown(apiPairs.get(i).get("both")));
      assertThat(pairs.get(i).get(3).equals("[c]"))
          .as("jaccard of %s", apiPairs.get(i))
          .isEqualTo(apiPairs.get(i).get("jaccard") == null);
    }
    List<Map> combinations = (List<Map>) o.get("combinations");
    List<List<String>> shownCombinations = rows("combinations-table");
    assertThat(shownCombinations).hasSameSizeAs(combinations);
    for (int i = 0; i < combinations.size(); i++) {
      assertThat(shownCombinations.get(i).get(1))
          .isEqualTo(shown(combinations.get(i).get("children")));
    }
    assertThat(browser.driver.findElement(By.id("summary")).getText())
        .contains(shown(o.get("children")));
    List<Map> others = (List<Map>) ((Map) o.get("relativeTo")).get("others");
    List<List<String>> timing = rows("relative-table");
    assertThat(timing).hasSameSizeAs(others).hasSize(3);
    for (int i = 0; i < others.size(); i++) {
      assertThat(List.of(timing.get(i).get(1), timing.get(i).get(3), timing.get(i).get(5)))
          .as("before, during, after %s", others.get(i))
          .containsExactly(
              shown(others.get(i).get("before")),
              shown(others.get(i).get("during")),
              shown(others.get(i).get("after")));
    }
    // The UpSet chart and the heatmap are drawn (SVG), each with its description for screen
    // readers.
    assertThat(browser.driver.findElements(By.cssSelector("#upset svg"))).hasSize(1);
    assertThat(browser.driver.findElements(By.cssSelector("#heatmap svg"))).hasSize(1);
    assertThat(browser.driver.findElement(By.id("upset")).getDomAttribute("role")).isEqualTo("img");
    // The board-report links carry the same choices.
    String csv = browser.driver.findElement(By.id("download-csv")).getDomAttribute("href");
    assertThat(csv)
        .startsWith("/reports/overlap.csv?")
        .contains("from=" + FROM, "to=" + TO, "relativeTo=EARLY_HELP")
        .contains("services=SOCIAL_CARE%2CEARLY_HELP%2CEDUCATION%2CYOUTH_JUSTICE");
    assertThat(browser.driver.findElement(By.id("download-xlsx")).getDomAttribute("href"))
        .isEqualTo(csv.replace(".csv?", ".xlsx?"));
    assertThat(browser.driver.findElement(By.id("download-html")).getDomAttribute("href"))
        .isEqualTo(csv.replace(".csv?", ".html?"));
    browser.screenshot("overlap");

    // The board report downloads through the browser, with the numbers on the page.
    List<List<String>> sheet = downloadedPairs();
    assertThat(sheet).hasSize(apiPairs.size());
    for (int i = 0; i < apiPairs.size(); i++) {
      assertThat(sheet.get(i).subList(0, 3))
          .containsExactly(
              (String) apiPairs.get(i).get("a"),
              (String) apiPairs.get(i).get("b"),
              shown(apiPairs.get(i).get("both")).replace(",", ""));
    }
  }

  @Test
  void pathwaysDefaultToTheLastFinancialYearAndShowTheApisPathwaysAndWhatFollowed() {
    browser.open("/app/pathways.html?minSupport=6");
    List<List<String>> shownPathways = rows("pathways-table");
    String reference =
        (String)
            query("{ authority { referenceDate } }", "authority", Map.of()).get("referenceDate");
    LocalDate date = LocalDate.parse(reference);
    int end =
        date.getMonthValue() > 3 || date.getMonthValue() == 3 && date.getDayOfMonth() == 31
            ? date.getYear()
            : date.getYear() - 1;
    String from = (end - 1) + "-04-01";
    String to = end + "-03-31";
    assertThat(List.of(inputValue("from"), inputValue("to"))).containsExactly(from, to);
    Map p =
        query(
            """
            query($from: Date!, $to: Date!) {
              pathways(outcome: "LAC_EPISODE", from: $from, to: $to, by: KIND, minSupport: 6, first: 20) {
                children withOutcome pathways { steps support withOutcome } } }
            """,
            "pathways",
            Map.of("from", from, "to", to));
    List<Map> pathways = (List<Map>) p.get("pathways");
    assertThat(pathways).isNotEmpty();
    assertThat(shownPathways).hasSameSizeAs(pathways);
    for (int i = 0; i < pathways.size(); i++) {
      assertThat(List.of(shownPathways.get(i).get(1), shownPathways.get(i).get(2)))
          .as("support and outcomes of %s", pathways.get(i))
          .containsExactly(
              shown(pathways.get(i).get("support")), shown(pathways.get(i).get("withOutcome")));
    }
    assertThat(browser.driver.findElements(By.cssSelector("#sankey svg"))).hasSize(1);
    assertThat(browser.driver.findElement(By.id("download-html")).getDomAttribute("href"))
        .isEqualTo(
            "/reports/pathways.html?outcome=LAC_EPISODE&from="
                + from
                + "&to="
                + to
                + "&by=KIND&minSupport=6&first=20");

    // What followed the pathway most children had, entered two years earlier, within 24 months.
    Map widest =
        pathways.stream()
            .max(java.util.Comparator.comparingInt(w -> (int) w.get("support")))
            .orElseThrow();
    String steps = String.join(">", (List<String>) widest.get("steps"));
    browser.waitFor(By.id("outcomes-table"));
    ((JavascriptExecutor) browser.driver)
        .executeScript("document.getElementById('outcomes').innerHTML = ''");
    browser
        .driver
        .findElement(By.cssSelector("#pathways-table .cj-then[data-pathway='" + steps + "']"))
        .click();
    browser.waitForText(By.cssSelector("#outcomes-table caption"), "within 24 months");
    assertThat(inputValue("pathway")).isEqualTo(steps);
    List<List<String>> followed = rows("outcomes-table");
    Map f =
        query(
            """
            query($pathway: [String!]!, $from: Date!, $to: Date!) {
              pathwayOutcomes(pathway: $pathway, by: KIND, from: $from, to: $to, withinMonths: 24) {
                children followedUp outcomes { outcome children } none { children } } }
            """,
            "pathwayOutcomes",
            Map.of(
                "pathway", widest.get("steps"),
                "from", (end - 3) + "-04-01",
                "to", (end - 2) + "-03-31"));
    List<Map> outcomes = new ArrayList<>((List<Map>) f.get("outcomes"));
    outcomes.add((Map) f.get("none"));
    assertThat(followed).hasSameSizeAs(outcomes);
    for (int i = 0; i < outcomes.size(); i++) {
      assertThat(followed.get(i).get(1))
          .as("%s", outcomes.get(i))
          .isEqualTo(shown(outcomes.get(i).get("children")));
    }
    assertThat(browser.driver.findElement(By.id("outcomes-summary")).getText())
        .contains(shown(f.get("children")), shown(f.get("followedUp")));
    browser.screenshot("pathways");
  }

  @Test
  void feedbackAndMeasuresShowWhatTheApiAnswers() {
    browser.open("/app/feedback.html?from=" + FROM + "&to=" + TO + "&measures-year=2026");
    List<List<String>> shownRows = rows("feedback-table");
    List<Map> rows =
        (List<Map>)
            query(
                    """
                    query($from: Date!, $to: Date!) { frontDoorFeedback(from: $from, to: $to, by: [DECISION]) {
                      rows { decision contacts windows { months followedUp reContacted referred
                        childProtectionPlan care steppedUp } } } }
                    """,
                    "frontDoorFeedback",
                    Map.of("from", FROM, "to", TO))
                .get("rows");
    List<List<String>> expected = new ArrayList<>();
    for (Map r : rows) {
      for (Map w : (List<Map>) r.get("windows")) {
        expected.add(
            List.of(
                shown(r.get("contacts")),
                String.valueOf(w.get("months")),
                shown(w.get("followedUp")),
                shown(w.get("reContacted")),
                shown(w.get("referred")),
                shown(w.get("childProtectionPlan")),
                shown(w.get("care")),
                shown(w.get("steppedUp"))));
      }
    }
    assertThat(rows).isNotEmpty();
    assertThat(
            shownRows.stream()
                .map(
                    r ->
                        r.subList(1, r.size()).stream()
                            .map(ManagerPagesBrowserTest::countOf)
                            .toList())
                .toList())
        .isEqualTo(expected);

    List<List<String>> shownMeasures = rows("measures-table");
    List<Map> measures =
        as("manager")
            .document("{ measures(year: 2026) { code numerator denominator } }")
            .execute()
            .path("measures")
            .entityList(Map.class)
            .get();
    assertThat(shownMeasures).hasSameSizeAs(measures);
    for (int i = 0; i < measures.size(); i++) {
      assertThat(shownMeasures.get(i).get(0)).endsWith((String) measures.get(i).get("code"));
      assertThat(List.of(shownMeasures.get(i).get(1), shownMeasures.get(i).get(2)))
          .containsExactly(
              shown(measures.get(i).get("numerator")), shown(measures.get(i).get("denominator")));
    }
    browser.screenshot("feedback");
  }

  @Test
  void onwardJourneysShowWhatTheApiAnswers() {
    browser.open(
        "/app/onward.html?kind=EARLY_HELP_PLAN&from=" + FROM + "&to=" + TO + "&by=CLOSURE_REASON");
    List<List<String>> shownRows = rows("onward-table");
    List<Map> rows =
        (List<Map>)
            query(
                    """
                    query($from: Date!, $to: Date!) {
                      onwardJourneys(kind: "EARLY_HELP_PLAN", from: $from, to: $to, by: [CLOSURE_REASON]) {
                        rows { closureReason closures windows { months followedUp referral earlyHelp
                          childProtectionPlan care custody neet exclusion noFurtherContact } } } }
                    """,
                    "onwardJourneys",
                    Map.of("from", FROM, "to", TO))
                .get("rows");
    assertThat(rows).isNotEmpty();
    List<List<String>> expected = new ArrayList<>();
    for (Map r : rows) {
      for (Map w : (List<Map>) r.get("windows")) {
        List<String> row =
            new ArrayList<>(
                List.of(
                    shown(r.get("closures")),
                    String.valueOf(w.get("months")),
                    shown(w.get("followedUp"))));
        for (String k :
            List.of(
                "referral",
                "earlyHelp",
                "childProtectionPlan",
                "care",
                "custody",
                "neet",
                "exclusion",
                "noFurtherContact")) {
          row.add(shown(w.get(k)));
        }
        expected.add(row);
      }
    }
    assertThat(
            shownRows.stream()
                .map(
                    r ->
                        r.subList(1, r.size()).stream()
                            .map(ManagerPagesBrowserTest::countOf)
                            .toList())
                .toList())
        .isEqualTo(expected);
    browser.screenshot("onward");
  }

  @Test
  void placementStabilityShowsWhatTheApiAnswersWithItsCurves() {
    browser.open("/app/stability.html?year=2026");
    List<List<String>> shownRows = rows("stability-table");
    List<Map> rows =
        (List<Map>)
            query(
                    """
                    { placementStability(year: 2026) { rows { children placements moves
                        firstMove { started ended curve { months share } } duration { started ended } } } }
                    """,
                    "placementStability",
                    Map.of())
                .get("rows");
    assertThat(shownRows).hasSameSizeAs(rows).hasSize(1);
    Map r = rows.get(0);
    List<String> s = shownRows.get(0);
    assertThat(List.of(s.get(1), s.get(2), s.get(3), s.get(5), s.get(6), s.get(8), s.get(9)))
        .containsExactly(
            shown(r.get("children")),
            shown(r.get("placements")),
            shown(r.get("moves")),
            shown(((Map) r.get("firstMove")).get("started")),
            shown(((Map) r.get("firstMove")).get("ended")),
            shown(((Map) r.get("duration")).get("started")),
            shown(((Map) r.get("duration")).get("ended")));
    List<Map> curve = (List<Map>) ((Map) r.get("firstMove")).get("curve");
    List<String> shownCurve = rows("first-move-table").get(0);
    for (int i = 0; i < curve.size(); i++) {
      Object share = curve.get(i).get("share");
      assertThat(shownCurve.get(i + 2))
          .isEqualTo(
              share == null
                  ? "[c]"
                  : String.format(Locale.UK, "%.1f%%", ((Number) share).doubleValue() * 100));
    }
    assertThat(browser.driver.findElements(By.cssSelector("#first-move-chart svg"))).hasSize(1);
    assertThat(browser.driver.findElements(By.cssSelector("#duration-chart svg"))).hasSize(1);
    browser.screenshot("stability");
  }

  @Test
  void trendsFlowsAndHotspotsShowWhatTheApiAnswers() {
    browser.open(
        "/app/trends.html?trends-from="
            + FROM
            + "&trends-to="
            + TO
            + "&trends-every=QUARTER&trends-services=SOCIAL_CARE,EARLY_HELP"
            + "&flows-from="
            + FROM
            + "&flows-to="
            + TO
            + "&flows-services=SOCIAL_CARE,EARLY_HELP,YOUTH_JUSTICE"
            + "&hotspots-service=EARLY_HELP&hotspots-from="
            + FROM
            + "&hotspots-to="
            + TO);
    List<List<String>> trends = rows("trends-table");
    List<Map> periods =
        (List<Map>)
            query(
                    """
                    query($from: Date!, $to: Date!) {
                      serviceTrends(from: $from, to: $to, every: QUARTER, services: ["SOCIAL_CARE", "EARLY_HELP"]) {
                        periods { population rows { service openPer10000 } } } }
                    """,
                    "serviceTrends",
                    Map.of("from", FROM, "to", TO))
                .get("periods");
    assertThat(trends).hasSameSizeAs(periods).hasSize(4);
    for (int i = 0; i < periods.size(); i++) {
      List<Map> services = (List<Map>) periods.get(i).get("rows");
      List<String> expected = new ArrayList<>(List.of(shown(periods.get(i).get("population"))));
      for (Map s : services) {
        Object rate = s.get("openPer10000");
        expected.add(
            rate == null
                ? "[c]"
                : String.format(Locale.UK, "%,.1f", ((Number) rate).doubleValue()));
      }
      assertThat(trends.get(i).subList(1, trends.get(i).size())).isEqualTo(expected);
    }

    List<List<String>> flows = rows("flows-table");
    Map f =
        query(
            """
            query($from: Date!, $to: Date!) {
              serviceFlows(from: $from, to: $to, services: ["SOCIAL_CARE", "EARLY_HELP", "YOUTH_JUSTICE"]) {
                periods { index } nodes { period state children } } }
            """,
            "serviceFlows",
            Map.of("from", FROM, "to", TO));
    List<Map> nodes = (List<Map>) f.get("nodes");
    Set<String> states = new LinkedHashSet<>();
    nodes.forEach(n -> states.add((String) n.get("state")));
    assertThat(flows).hasSameSizeAs(states);
    int row = 0;
    for (String state : states) {
      List<String> expected = new ArrayList<>();
      for (Map period : (List<Map>) f.get("periods")) {
        expected.add(
            nodes.stream()
                .filter(
                    n ->
                        n.get("state").equals(state) && n.get("period").equals(period.get("index")))
                .findFirst()
                .map(n -> shown(n.get("children")))
                .orElse("0"));
      }
      assertThat(flows.get(row).subList(1, flows.get(row).size())).as(state).isEqualTo(expected);
      row++;
    }
    assertThat(browser.driver.findElements(By.cssSelector("#flows-chart svg"))).hasSize(1);

    List<List<String>> hotspots = rows("hotspots-table");
    List<Map> areas =
        (List<Map>)
            query(
                    """
                    query($from: Date!, $to: Date!) {
                      hotspots(service: "EARLY_HELP", from: $from, to: $to) { areas { code ward children } } }
                    """,
                    "hotspots",
                    Map.of("from", FROM, "to", TO))
                .get("areas");
    assertThat(hotspots).hasSameSizeAs(areas);
    for (int i = 0; i < areas.size(); i++) {
      assertThat(hotspots.get(i).get(0)).contains((String) areas.get(i).get("code"));
      assertThat(hotspots.get(i).get(2)).isEqualTo(shown(areas.get(i).get("children")));
    }
    browser.screenshot("trends");
  }

  @Test
  void statisticalNeighboursShowTheComparisonOrSayWhatToImport() {
    browser.open("/app/neighbours.html?year=2026");
    Map s =
        query(
            """
            { statisticalNeighbours(year: 2026) { note neighbours { laCode }
                comparisons { code localValue localDenominator neighbourMedian england } } }
            """,
            "statisticalNeighbours",
            Map.of());
    List<Map> comparisons = (List<Map>) s.get("comparisons");
    if (s.get("note") != null) {
      String note = browser.waitFor(By.id("neighbours-note")).getText();
      assertThat(note)
          .contains(
              (String) s.get("note"), "import/import.sh neighbours", "import/import.sh indicators");
    }
    if (!comparisons.isEmpty()) {
      List<List<String>> shownRows = rows("comparisons-table");
      assertThat(shownRows).hasSameSizeAs(comparisons);
      for (int i = 0; i < comparisons.size(); i++) {
        Object ours = comparisons.get(i).get("localValue");
        Object denominator = comparisons.get(i).get("localDenominator");
        assertThat(shownRows.get(i).get(1))
            .as("%s", comparisons.get(i))
            .isEqualTo(
                ours != null
                    ? String.format(Locale.UK, "%.1f%%", ((Number) ours).doubleValue())
                    : Integer.valueOf(0).equals(denominator) ? "none" : "[c]");
      }
    }
    assertThat(s.get("note") != null || !comparisons.isEmpty()).isTrue();
    browser.screenshot("neighbours");
  }

  /** Clicks the Excel download and reads the Pairs sheet of the file the browser saved. */
  private List<List<String>> downloadedPairs() {
    try {
      java.nio.file.Path dir = browser.downloads();
      try (var old = java.nio.file.Files.list(dir)) {
        for (java.nio.file.Path f : old.toList()) {
          java.nio.file.Files.deleteIfExists(f);
        }
      }
      browser.driver.findElement(By.id("download-xlsx")).click();
      java.nio.file.Path file = null;
      for (int wait = 0; wait < 300 && file == null; wait++) {
        try (var files = java.nio.file.Files.list(dir)) {
          file =
              files
                  .filter(f -> f.getFileName().toString().matches("overlap-.*\\.xlsx"))
                  .findFirst()
                  .orElse(null);
        }
        if (file == null) {
          Thread.sleep(100);
        }
      }
      assertThat(file).as("downloaded workbook in %s", dir).isNotNull();
      List<List<String>> rows = new ArrayList<>();
      var format = new org.apache.poi.ss.usermodel.DataFormatter();
      try (var book = org.apache.poi.ss.usermodel.WorkbookFactory.create(file.toFile())) {
        boolean header = false;
        for (var row : book.getSheet("Pairs")) {
          List<String> cells = new ArrayList<>();
          row.forEach(
              c ->
                  cells.add(
                      c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                          ? String.valueOf((long) c.getNumericCellValue())
                          : format.formatCellValue(c)));
          if (header && !cells.isEmpty() && !cells.get(0).isBlank()) {
            rows.add(cells);
          }
          header |= !cells.isEmpty() && cells.get(0).equals("Service A");
        }
      }
      return rows;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
