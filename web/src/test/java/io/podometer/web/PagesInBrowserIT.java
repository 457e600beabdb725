package io.podometer.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages as a person sees them, in headless Chromium (Debian's chromium and chromium-driver):
 * sign in through the form, then what the scripts draw from the API. Organization of {@link
 * AccessControlIT}: pod solo (dee, eli) is under the privacy floor of 3.
 */
@QuarkusTest
class PagesInBrowserIT {

  static {
    TestHttp.init();
  }

  @TestHTTPResource("/")
  URL root;

  @Inject TestDatabase db;
  @Inject io.podometer.web.antipattern.AntiPatternService antiPatterns;

  private WebDriver browser;

  @BeforeEach
  void start() throws Exception {
    db.resetAll();
    given()
        .contentType("application/yaml")
        .body(AccessControlIT.ORG)
        .put("/api/org")
        .then()
        .statusCode(200);
    AccessControlIT.user("ana", "ana@acme.example", "member");
    AccessControlIT.user("dee", "dee@acme.example", "member");
    // this week, so the pods page (last complete week) and the charts show it: dee's PR in solo
    java.time.LocalDate monday =
        java.time.LocalDate.now(java.time.ZoneOffset.UTC)
            .with(java.time.DayOfWeek.MONDAY)
            .minusWeeks(1);
    String at = monday.plusDays(1) + "T09:00:00Z";
    String merged = monday.plusDays(1) + "T15:00:00Z";
    Events.send(
        Events.prOpened("acme/solo-api", 1, "dee-s", at),
        Events.commit("acme/solo-api", "s1", "dee@acme.example", at, 40, 1, null),
        Events.prMerged("acme/solo-api", 1, "dee-s", merged, "s1", 40),
        Events.prOpened(MetricsApiIT.CO, 1, "ana-l", at),
        Events.commit(MetricsApiIT.CO, "c1", "ana@acme.example", at, 40, 1, null),
        Events.prMerged(MetricsApiIT.CO, 1, "ana-l", merged, "c1", 40));
    db.awaitFigures();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(executable("chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--window-size=1300,1200",
        "--user-data-dir=" + Files.createTempDirectory("chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new java.io.File(executable("chromedriver")))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static String executable(String name) {
    for (String dir : List.of("/usr/bin", "/usr/lib/chromium", "/usr/local/bin")) {
      Path path = Path.of(dir, name);
      if (Files.isExecutable(path)) {
        return path.toString();
      }
    }
    throw new AssertionError(
        name + " not found: install Debian's chromium and chromium-driver (.ci/run does)");
  }

  private void signIn(String user) {
    browser.get(root + "pods");
    assertTrue(browser.getCurrentUrl().contains("/login?next=%2Fpods"), browser.getCurrentUrl());
    browser.findElement(By.name("username")).sendKeys(user);
    browser.findElement(By.name("password")).sendKeys(AccessControlIT.PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor(d -> d.getCurrentUrl().endsWith("/pods"));
  }

  private <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
    // pages that refresh themselves replace their rows: an element read a moment ago may be gone
    return new WebDriverWait(browser, Duration.ofSeconds(15))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(condition);
  }

  private String rowText(String pod) {
    return waitFor(
        d -> {
          for (WebElement row : d.findElements(By.cssSelector("table tbody tr"))) {
            if (row.getText().startsWith(pod)) {
              return row.getText();
            }
          }
          return null;
        });
  }

  @Test
  void aLeaderOpensAFlagOnTheAntiPatternsPageAndAcknowledgesIt() throws InterruptedException {
    // a bet placed without a single task owner: unowned_work flags it every week
    given()
        .contentType("application/yaml")
        .body(AccessControlIT.ORG + "bets:\n  - {id: orphan, title: Orphan idea}\n")
        .put("/api/org")
        .then()
        .statusCode(200);
    db.awaitFigures();
    // flags follow the figures once they rest (a user opening the page at once sees the last ones)
    assertTrue(
        antiPatterns.awaitJudged(java.time.Duration.ofSeconds(10)), "flags not judged in 10 s");
    AccessControlIT.user("lea", "lea@acme.example", "leader");
    signIn("lea");
    browser.get(root + "antipatterns");
    WebElement flag = waitFor(d -> d.findElement(By.cssSelector(".flag.high")));
    assertTrue(flag.getText().contains("Unowned work"), flag.getText());
    assertTrue(
        flag.getText().contains("bet orphan (exploring) has no single task owner"), flag.getText());
    assertTrue(
        browser.findElement(By.id("heatmap")).getText().contains("bet Orphan idea"),
        browser.findElement(By.id("heatmap")).getText());
    flag.findElement(By.tagName("button")).click();
    WebElement dialog = waitFor(d -> d.findElement(By.cssSelector("#flag-dialog[open]")));
    waitFor(d -> dialog.getText().contains("History"));
    dialog.findElement(By.tagName("textarea")).sendKeys("Sam takes it from Monday");
    dialog.findElement(By.cssSelector("form button[type=submit]")).click();
    waitFor(d -> dialog.getText().contains("Acknowledged by lea"));
    waitFor(d -> d.findElement(By.id("flags")).getText().contains("“Sam takes it from Monday”"));
  }

  @Test
  void aPodUnderThePrivacyFloorShowsWithheldCellsAndNoValue() {
    signIn("dee");
    String solo = rowText("Solo");
    // AI code share, agent-assisted diffs, weekly active AI users: about people, 2 < 3
    assertTrue(solo.startsWith("Solo withheld withheld withheld"), solo);
    browser.get(root + "pods/solo");
    WebElement card =
        waitFor(
            d ->
                d
                    .findElements(
                        By.xpath("//*[contains(text(), 'withheld: fewer than 3 people')]"))
                    .stream()
                    .findFirst()
                    .orElse(null));
    assertTrue(card.isDisplayed());
  }

  @Test
  void aMemberSeesTheirPodOnlyAndTheirOwnFigures() {
    signIn("ana");
    rowText("Checkout");
    List<String> pods =
        browser.findElements(By.cssSelector("table tbody tr")).stream()
            .map(r -> r.getText().split(" ")[0])
            .toList();
    assertEquals(List.of("Checkout"), pods);
    browser.get(root + "pods/solo");
    assertTrue(browser.getPageSource().contains("Not among your figures"), browser.getPageSource());
    browser.get(root + "me");
    waitFor(d -> d.getTitle().startsWith("My figures: Ana"));
    assertEquals(
        Map.of("scope", "member:ana"),
        Map.of(
            "scope",
            browser.findElement(By.cssSelector("[data-scope]")).getAttribute("data-scope")));
    browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
    waitFor(d -> d.getCurrentUrl().contains("/login"));
    browser.get(root + "pods");
    assertTrue(
        browser.getCurrentUrl().contains("/login"), "signed out: " + browser.getCurrentUrl());
  }

  @Test
  void anAdminSyncsAGitHubSourceFromTheSourcesPageAndWatchesItFinish() throws Exception {
    AccessControlIT.user("ops", null, "admin");
    try (io.podometer.connectors.github.FakeGitHub github =
        new io.podometer.connectors.github.FakeGitHub()) {
      io.podometer.connectors.github.RecordedRepository.serve(github);
      String id =
          given()
              .contentType("application/json")
              .body(
                  Map.of(
                      "repos", List.of("acme/shop"),
                      "token", GitHubBackfillIT.TOKEN,
                      "apiUrl", github.url()))
              .post("/api/sources/github")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      signIn("ops");
      browser.get(root + "sources");
      waitFor(d -> d.getTitle().startsWith("Sources"));
      // an admin's pages link to it
      assertTrue(!browser.findElements(By.linkText("Sources")).isEmpty());
      waitFor(
          d ->
              d.findElements(By.cssSelector("tr[data-source='" + id + "'] button")).stream()
                  .filter(WebElement::isEnabled)
                  .findFirst()
                  .orElse(null));
      clickFresh(By.cssSelector("tr[data-source='" + id + "'] button"));
      String row =
          waitFor(
              d -> {
                String text =
                    d.findElement(By.cssSelector("tr[data-source='" + id + "']")).getText();
                return text.toLowerCase(java.util.Locale.ROOT).contains("done") ? text : null;
              });
      assertTrue(row.contains("acme/shop"), row);
      assertTrue(row.matches("(?s).*\\b\\d+ events.*"), row);
      assertTrue(!browser.getPageSource().contains(GitHubBackfillIT.TOKEN));
    }
    // a member has no Sources page, nor Identities page
    clickFresh(By.cssSelector("form[action='/logout'] button"));
    waitFor(d -> d.getCurrentUrl().contains("/login"));
    signIn("ana");
    assertTrue(browser.findElements(By.linkText("Sources")).isEmpty());
    assertTrue(browser.findElements(By.linkText("Identities")).isEmpty());
    browser.get(root + "sources");
    assertTrue(browser.getPageSource().contains("Your role does not show this page"));
    browser.get(root + "identities");
    assertTrue(browser.getPageSource().contains("the identities are for admins"));
  }

  @Test
  void anAdminMapsASuggestedIdentityInTwoClicks() {
    AccessControlIT.user("ops", null, "admin");
    // a commit of ana's from home: her address's part before the @ suggests her
    java.time.LocalDate monday =
        java.time.LocalDate.now(java.time.ZoneOffset.UTC)
            .with(java.time.DayOfWeek.MONDAY)
            .minusWeeks(1);
    Events.send(
        Events.commit(
            MetricsApiIT.CO,
            "h1",
            "ana@home.example",
            monday.plusDays(2) + "T09:00:00Z",
            5,
            null,
            null));
    db.awaitFigures();
    signIn("ops");
    browser.get(root + "identities");
    waitFor(d -> d.getTitle().startsWith("Identities"));
    // an admin's pages link to it
    assertTrue(!browser.findElements(By.linkText("Identities")).isEmpty());
    By suggestion = By.cssSelector("tr[data-identity='ana@home.example'] button.suggestion");
    WebElement button = waitFor(d -> d.findElement(suggestion));
    assertEquals("Map to Ana", button.getText());
    // every control is named for assistive technology
    for (WebElement select : browser.findElements(By.cssSelector("#identities-table select"))) {
      assertTrue(!select.getAttribute("aria-label").isBlank());
    }
    button.click();
    WebElement confirm = waitFor(d -> d.findElement(By.id("confirm-yes")));
    assertTrue(
        browser
            .findElement(By.id("confirm-text"))
            .getText()
            .startsWith("Map ana@home.example to Ana (ana)?"));
    confirm.click();
    String status =
        waitFor(
            d -> {
              String text = d.findElement(By.id("page-status")).getText();
              return text.contains("is now member ana") ? text : null;
            });
    assertTrue(status.startsWith("ana@home.example is now member ana"), status);
    waitFor(d -> d.findElements(By.cssSelector("tr[data-identity='ana@home.example']")).isEmpty());
    given()
        .accept("application/json")
        .get("/api/org")
        .then()
        .body(
            "members.find { it.id == 'ana' }.identities.emails",
            org.hamcrest.Matchers.hasItem("ana@home.example"));
    // the page keeps no inline script: the policy would block it
    assertTrue(!browser.getPageSource().contains("onclick"));
  }

  @Test
  void theSourcesPageListsRecentCsvImports() {
    AccessControlIT.user("ops", null, "admin");
    given()
        .contentType("text/csv")
        .queryParam("name", "march-deploys.csv")
        .body(
            "deployment_id,service,environment,status,finished_at\n7731,checkout-api,production,success,2026-03-04T16:00:00Z\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/api/sources/csv/deployments")
        .then()
        .statusCode(200);
    signIn("ops");
    browser.get(root + "sources");
    String row =
        waitFor(
            d ->
                d.findElements(By.cssSelector("#csv-table tr[data-import]")).stream()
                    .map(WebElement::getText)
                    .findFirst()
                    .orElse(null));
    assertTrue(row.contains("deployments"), row);
    assertTrue(row.contains("march-deploys.csv"), row);
    assertTrue(row.contains("1 events (1 new, 0 duplicates, 0 revisions)"), row);
    assertTrue(row.contains("admin"), row);
  }

  /**
   * A clone added from the Sources page, imported, then its repository's page: the AI code share of
   * last week's three commits, 50 of 60 added lines (bo's 30 with a Claude co-author trailer, cy's
   * 20 as aider's author, raj's 10 by hand), with its exact part 20/60, by source trailer 30/60 and
   * author 20/60, by tool claude_code 30/60 and aider 20/60.
   */
  @Test
  void anAdminImportsACloneAndItsRepositoryPageSplitsTheAiShare() throws Exception {
    AccessControlIT.user("ops", null, "admin");
    java.time.Instant lastWeek =
        java.time.LocalDate.now(java.time.ZoneOffset.UTC)
            .with(java.time.DayOfWeek.MONDAY)
            .minusWeeks(1)
            .atTime(9, 0)
            .toInstant(java.time.ZoneOffset.UTC);
    io.podometer.connectors.git.GitFixture clone =
        io.podometer.connectors.git.GitFixture.init(
            Files.createTempDirectory("podometer-page-git").resolve("web"));
    clone.at(lastWeek);
    clone
        .lines("src/a.ts", 30, "a")
        .commit("Bo <bo@acme.example>", "Add a\n\nCo-Authored-By: Claude <noreply@anthropic.com>");
    clone.lines("src/b.ts", 20, "b").commit("Cy (aider) <cy@acme.example>", "Add b");
    clone.lines("src/c.ts", 10, "c").commit("Raj <raj@acme.example>", "Add c");

    signIn("ops");
    browser.get(root + "sources");
    waitFor(d -> d.findElement(By.cssSelector("#git-table tbody tr")));
    browser
        .findElement(By.cssSelector("#git-form input[name=path]"))
        .sendKeys(clone.dir().toString());
    browser.findElement(By.cssSelector("#git-form input[name=repo]")).sendKeys("acme/web");
    browser.findElement(By.cssSelector("#git-form button[type=submit]")).click();
    String row =
        waitFor(
            d ->
                d.findElements(By.cssSelector("#git-table tr[data-source]")).stream()
                    .map(WebElement::getText)
                    // the state shows capitalized
                    .filter(text -> text.contains("Done"))
                    .findFirst()
                    .orElse(null));
    assertTrue(row.contains("acme/web") && row.contains("3 / 3 commits"), row);

    db.awaitFigures();
    // figures are a leader's to read, not an admin's
    AccessControlIT.user("lee", null, "leader");
    browser.manage().deleteAllCookies();
    signIn("lee");
    browser.get(root + "repos/acme/web");
    try {
      waitFor(d -> d.findElement(By.id("ai-split-table")));
    } catch (org.openqa.selenium.TimeoutException e) {
      saveScreenshot("repository-page-failed");
      throw new AssertionError(
          "split: "
              + browser.findElement(By.id("ai-split")).getText()
              + " | status: "
              + browser.findElement(By.id("page-status")).getText(),
          e);
    }
    String split = waitFor(d -> d.findElement(By.id("ai-split-table")).getText());
    assertTrue(split.contains("AI code share 83.3 %"), split);
    assertTrue(split.contains("exact part (line-level and agent-authored) 33.3 %"), split);
    assertTrue(split.contains("source: trailer 50 %"), split);
    assertTrue(split.contains("source: author 33.3 %"), split);
    assertTrue(split.contains("tool: claude_code 50 %"), split);
    assertTrue(split.contains("tool: aider 33.3 %"), split);
    assertTrue(split.contains("AI lines / added lines 50 / 60"), split);
    assertEquals(1, browser.findElements(By.id("ai-by-source")).size());
    assertEquals(1, browser.findElements(By.id("ai-by-tool")).size());
    saveScreenshot("repository-page");
  }

  @Test
  void anStoKeepsAKillCandidateOnTheBetsPageAndTheMondayReportSaysSo() throws Exception {
    given()
        .contentType("application/yaml")
        .body(
            AccessControlIT.ORG
                + "bets:\n  - {id: fast, title: Fast checkout, sto: ana, hypothesis: Fewer steps"
                + " convert more, killSignal: {signal: conversion_rate, comparator: \"<\","
                + " threshold: 0.02, windowWeeks: 2}}\n")
        .put("/api/org")
        .then()
        .statusCode(200);
    java.time.LocalDate lastMonday =
        java.time.LocalDate.now(java.time.ZoneOffset.UTC)
            .with(java.time.DayOfWeek.MONDAY)
            .minusWeeks(1);
    for (int back = 0; back < 2; back++) {
      given()
          .contentType("application/json")
          .body(
              java.util.Map.of(
                  "name",
                  "conversion_rate",
                  "value",
                  0.012,
                  "at",
                  lastMonday.minusWeeks(back).plusDays(2) + "T12:00:00Z"))
          .post("/api/bets/fast/signals")
          .then()
          .statusCode(200);
    }
    db.awaitFigures();
    signIn("ana");
    browser.get(root + "bets");
    WebElement row = waitFor(d -> d.findElement(By.cssSelector("tr.candidate")));
    assertTrue(row.getText().contains("Fast checkout"), row.getText());
    assertTrue(row.getText().contains("kill candidate"), row.getText());
    row.findElement(By.tagName("a")).click();
    WebElement dialog = waitFor(d -> d.findElement(By.cssSelector("#bet-dialog[open]")));
    waitFor(d -> dialog.getText().contains("Kill candidate"));
    dialog.findElement(By.id("decision-note")).sendKeys("a holiday dip; two more weeks");
    dialog.findElements(By.tagName("button")).stream()
        .filter(b -> b.getText().equals("Keep it"))
        .findFirst()
        .orElseThrow()
        .click();
    waitFor(d -> d.findElement(By.id("bet-dialog")).getText().contains("keep by ana"));
    saveScreenshot("bets-decision");

    // a leader's pilots page: the card says the same verdict as the API, with its charts
    String verdict =
        given().get("/api/pilots").then().extract().jsonPath().getString("pilots[0].verdict");
    AccessControlIT.user("lea", "lea@acme.example", "leader");
    browser.manage().deleteAllCookies();
    signIn("lea");
    browser.get(root + "pilots");
    WebElement card = waitFor(d -> d.findElement(By.cssSelector("article.pilot[data-pod=solo]")));
    assertEquals(verdict, card.getAttribute("data-verdict"));
    assertEquals(3, card.findElements(By.tagName("canvas")).size());
    saveScreenshot("pilots");

    // the report of last week: the candidate with Ana's decision
    browser.get(root + "reports/weekly?scope=org");
    WebElement candidates = waitFor(d -> d.findElement(By.id("candidates")));
    assertTrue(
        candidates.getText().contains("kept by ana: a holiday dip; two more weeks"),
        candidates.getText());
    saveScreenshot("weekly-report");
  }

  private void saveScreenshot(String name) throws java.io.IOException {
    byte[] png =
        ((org.openqa.selenium.TakesScreenshot) browser)
            .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), png);
  }

  /** Clicks the element the locator finds now, finding it again if a refresh replaced it. */
  private void clickFresh(By locator) {
    waitFor(
        d -> {
          d.findElement(locator).click();
          return true;
        });
  }
}
