package org.childjourneys.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.childjourneys.IntegrationTest;
import org.childjourneys.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A front-door worker in real headless Chromium: signs in, finds a child by name, states the
 * purpose once, and sees the chronology lanes and the in-touch panel the API gives for that child,
 * with the read in the audit trail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChildPageBrowserTest extends IntegrationTest {

  @LocalServerPort int port;

  private Browser browser;

  @BeforeAll
  void startBrowser() {
    assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
    browser = new Browser("http://localhost:" + port);
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  /** A looked-after child: several services, open involvements with teams and workers. */
  private String lookedAfterChild() {
    return as("manager")
        .document(
            """
            { auditSample(purpose: AUDIT, kind: "LAC_EPISODE", openOn: "2026-03-01", size: 1, seed: 3) {
                children { id } } }
            """)
        .execute()
        .path("auditSample.children[0].id")
        .entity(String.class)
        .get();
  }

  @Test
  void aFrontDoorWorkerFindsAChildAndSeesTheirLanesAndWhoIsInTouch() {
    String id = lookedAfterChild();
    Map<?, ?> child =
        as("front-door")
            .document(
                """
                query($id: ID!) { child(id: $id, purpose: REFERRAL_TRIAGE) {
                  givenName familyName
                  chronology(first: 100, order: OLDEST_FIRST) { totalCount edges { node { service } } }
                  inTouch { now { service team { name } } } } }
                """)
            .variable("id", id)
            .execute()
            .path("child")
            .entity(Map.class)
            .get();
    Map<?, ?> chronology = (Map<?, ?>) child.get("chronology");
    assertThat((Integer) chronology.get("totalCount")).isLessThanOrEqualTo(100);
    Set<String> lanes = new LinkedHashSet<>();
    for (Object edge : (List<?>) chronology.get("edges")) {
      lanes.add((String) ((Map<?, ?>) ((Map<?, ?>) edge).get("node")).get("service"));
    }
    List<String> teamsNow = new ArrayList<>();
    for (Object now : (List<?>) ((Map<?, ?>) child.get("inTouch")).get("now")) {
      Map<?, ?> team = (Map<?, ?>) ((Map<?, ?>) now).get("team");
      teamsNow.add(team == null ? null : (String) team.get("name"));
    }
    assertThat(lanes).hasSizeGreaterThanOrEqualTo(3);
    assertThat(teamsNow).isNotEmpty();

    browser.signIn("front-door", TestUsers.password("front-door"));
    browser.waitFor(By.linkText("Find a child")).click();
    new Select(browser.waitFor(By.id("search-purpose"))).selectByValue("REFERRAL_TRIAGE");
    browser
        .driver
        .findElement(By.id("name"))
        .sendKeys(child.get("givenName") + " " + child.get("familyName"));
    browser.driver.findElement(By.id("search-button")).click();
    browser.waitFor(By.id("search-results"));
    assertAllFieldsLabelled();
    browser.screenshot("search");
    browser.driver.findElement(By.cssSelector("#search-results a[href*='id=" + id + "&']")).click();

    browser.waitFor(By.id("in-touch-now-table"));
    assertThat(browser.driver.findElement(By.id("purpose-shown")).getText())
        .isEqualTo("Referral triage (front door)");
    assertThat(browser.driver.findElement(By.id("timeline")).getDomAttribute("data-lanes"))
        .isEqualTo(String.join("|", lanes));
    List<WebElement> rows =
        browser.driver.findElements(By.cssSelector("#in-touch-now-table tbody tr"));
    assertThat(rows).hasSize(teamsNow.size());
    for (int i = 0; i < rows.size(); i++) {
      if (teamsNow.get(i) != null) {
        assertThat(rows.get(i).getText()).contains(teamsNow.get(i));
      }
    }
    assertThat(browser.driver.findElements(By.cssSelector("#timeline svg path")))
        .as("the timeline is drawn")
        .hasSizeGreaterThan(lanes.size());
    assertThat(browser.driver.findElements(By.cssSelector("#coverage-table tbody tr")))
        .isNotEmpty();
    assertAllFieldsLabelled();
    assertThat(browser.console()).noneMatch(line -> line.startsWith("SEVERE"));
    browser.screenshot("child");

    // The page's reads are the user's own, with the purpose stated, in the audit trail.
    List<Map> reads =
        as("quality-assurance")
            .document("query($id: ID!) { accessLog(childId: $id, last: 20) { actor purpose } }")
            .variable("id", id)
            .execute()
            .path("accessLog")
            .entityList(Map.class)
            .get();
    assertThat(reads)
        .anyMatch(
            r -> "front-door".equals(r.get("actor")) && "REFERRAL_TRIAGE".equals(r.get("purpose")));
  }

  @Test
  void aRoleThatReadsNoRecordsIsToldSoAndSignsOut() {
    browser.signIn("analyst", TestUsers.password("analyst"));
    browser.open("/app/child.html");
    assertThat(browser.waitFor(By.id("cj-error")).getText())
        .contains("Your role reads aggregates only");
    browser.driver.findElement(By.id("sign-out")).click();
    browser.waitForText(By.tagName("main"), "You have signed out.");
    browser.open("/app/child.html");
    browser.waitFor(By.id("sign-in"));
  }

  /** WCAG basics: every form field has a label a screen reader announces. */
  private void assertAllFieldsLabelled() {
    Object unlabelled =
        ((JavascriptExecutor) browser.driver)
            .executeScript(
                "return [...document.querySelectorAll('input:not([type=hidden]),select,textarea')]"
                    + ".filter(e => e.offsetParent !== null && e.labels.length === 0"
                    + " && !e.getAttribute('aria-label')).map(e => e.id || e.name)");
    assertThat((List<?>) unlabelled).isEmpty();
  }
}
