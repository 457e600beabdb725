package io.podometer.engine.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.engine.event.EventData.ChangedFile;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.org.Bet;
import io.podometer.engine.org.BetLinks;
import io.podometer.engine.org.BetStatus;
import io.podometer.engine.org.Comparison;
import io.podometer.engine.org.KillSignal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BetLinkerTest {

  private final BetLinker linker =
      new BetLinker(
          List.of(
              bet("one-click", BetLinks.defaultsFor("one-click")),
              bet(
                  "search",
                  new BetLinks(
                      List.of("Search-Bet"),
                      List.of("feat/search-", "s/"),
                      List.of("#SEARCH"),
                      List.of("Acme/Search"),
                      List.of("services/search/**"))),
              bet("empty", new BetLinks(List.of(), List.of(), List.of(), List.of(), List.of()))));

  @Test
  void eachLinkRuleLinksOnItsOwn() {
    assertEquals(List.of("one-click"), linker.betsOf(pr("acme/shop", "BET:ONE-CLICK", null, "t")));
    assertEquals(
        List.of("one-click"), linker.betsOf(pr("acme/shop", null, "bet/one-click/x", "t")));
    assertEquals(
        List.of("one-click"), linker.betsOf(pr("acme/shop", null, null, "Fix [One-Click] flow")));
    assertEquals(List.of("search"), linker.betsOf(pr("acme/shop", "search-bet", null, "t")));
    assertEquals(
        List.of("search"), linker.betsOf(pr("acme/shop", null, "feat/search-ranking", "t")));
    assertEquals(List.of("search"), linker.betsOf(pr("acme/shop", null, "s/x", "t")));
    assertEquals(List.of("search"), linker.betsOf(pr("acme/shop", null, null, "tune #search")));
    assertEquals(List.of("search"), linker.betsOf(pr("ACME/search", null, null, "t")));
    assertEquals(
        List.of("search"),
        linker.betsOf(pr("acme/shop", null, null, "t", "services/search/api/Ranker.java")));
  }

  @Test
  void branchPrefixesAreCaseSensitiveAndMatchOnlyAtTheStart() {
    assertEquals(List.of(), linker.betsOf(pr("acme/shop", null, "Bet/one-click/x", "t")));
    assertEquals(List.of(), linker.betsOf(pr("acme/shop", null, "x/bet/one-click/", "t")));
    assertEquals(List.of(), linker.betsOf(pr("acme/shop", null, "s", "t")));
  }

  @Test
  void aPullRequestLinkedToSeveralBetsListsThemInTheModelsOrder() {
    assertEquals(
        List.of("one-click", "search"),
        linker.betsOf(pr("acme/shop", "search-bet", null, "[one-click] and #search")));
    assertEquals(List.of(), linker.betsOf(pr("acme/shop", "other", "main", "no tags here")));
  }

  @Test
  void everyPrefixOfABranchLinksItsBetWhereverTheOthersSort() {
    // prefixes nested in one another, and others sorting between them and the branch
    BetLinker nested =
        new BetLinker(
            List.of(
                bet("feat", branches("feat/")),
                bet("feat-search", branches("feat/search/")),
                bet("feat-search-ranking", branches("feat/search/ranking-")),
                bet("feat-s", branches("feat/s")),
                bet("feat-searcher", branches("feat/searcher/")),
                bet("feat-search-a", branches("feat/search/a")),
                bet("fix", branches("fix/"))));
    assertEquals(
        List.of("feat", "feat-search", "feat-search-ranking", "feat-s"),
        nested.betsOf(pr("acme/shop", null, "feat/search/ranking-v2", "t")));
    // "feat/search/a" sorts between "feat/search/" and the branch, and is not a prefix of it
    assertEquals(
        List.of("feat", "feat-search", "feat-s"),
        nested.betsOf(pr("acme/shop", null, "feat/search/b", "t")));
    assertEquals(
        List.of("feat", "feat-s", "feat-searcher"),
        nested.betsOf(pr("acme/shop", null, "feat/searcher/x", "t")));
    assertEquals(List.of("feat"), nested.betsOf(pr("acme/shop", null, "feat/", "t")));
    assertEquals(List.of(), nested.betsOf(pr("acme/shop", null, "feat", "t")));
    assertEquals(List.of(), nested.betsOf(pr("acme/shop", null, "fi", "t")));
    assertEquals(List.of("fix"), nested.betsOf(pr("acme/shop", null, "fix/z", "t")));
  }

  private static BetLinks branches(String prefix) {
    return new BetLinks(List.of(), List.of(prefix), List.of(), List.of(), List.of());
  }

  private static Bet bet(String id, BetLinks links) {
    return new Bet(
        id,
        id,
        List.of(),
        "h",
        new KillSignal(KillSignal.Source.SIGNAL, "s", Comparison.LESS, 0.1, 4),
        BetStatus.EXPLORING,
        LocalDate.of(2026, 1, 5),
        links);
  }

  private static PullRequestFact pr(
      String repo, String label, String branch, String title, String... paths) {
    List<ChangedFile> files =
        java.util.Arrays.stream(paths).map(p -> new ChangedFile(p, 1, 0, false)).toList();
    return new PullRequestFact(
        repo,
        1,
        title,
        "ana",
        null,
        branch,
        "main",
        false,
        label == null ? List.of() : List.of(label),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        1,
        0,
        files.size(),
        null,
        null,
        files,
        null);
  }
}
