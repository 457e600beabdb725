package io.podometer.connectors.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podometer.connectors.DemoFigures;
import io.podometer.connectors.source.EventSink;
import io.podometer.connectors.source.IngestReceipt;
import io.podometer.connectors.source.MemoryCheckpoints;
import io.podometer.connectors.source.SourceProgress;
import io.podometer.connectors.source.SourceRun;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.MetricFamilies;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.OrgModelLoader;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clone with every case the import must read right (built with the {@code git} command line, all
 * in 2026-W10), imported and computed by the engine.
 *
 * <pre>
 *  #  commit                                    author                       added  AI  source
 *  1  Add accounts                              Ana                             10   0  human
 *  2  Co-Authored-By: Claude &lt;noreply@anthropic.com>  Ana                    20  20  trailer claude_code
 *  3  co-authored-by: Copilot &lt;…+Copilot@users.noreply…> (lower-case key) Ana  8   8  trailer copilot
 *  4  Co-authored-by: Cursor Agent &lt;cursoragent@cursor.com>  Raj            6   6  trailer cursor
 *  5  Bump lib                                  dependabot[bot] (ignored)       (5 counted for nobody)
 *  6  Agent work                                Copilot &lt;…+Copilot@users…>    12  12  author copilot
 *  7  Refactor                                  "Raj Patel (aider)"              4   4  author aider
 *  8  Fix typo: committer "Raj Patel (aider)"   Raj                              3   0  human (committer only)
 *  9  Co-authored-by: Sam Lee &lt;sam@anthropic.com>  Sam (at an AI company)    7   0  human
 * 10  🤖 Generated with [Claude Code](…)        Ana                              9   9  trailer (footer)
 * f1  Start export (feature branch)             Raj                              5   0  human
 * f2  Finish export + Claude co-author          Raj                             15  15  trailer
 *  M  Merge pull request #7 from acme/export    (merge: adds nothing, PR #7 from its subject)
 * 12  Add filters (#12)                         Ana                             11   0  human, PR #12
 * 13  logo.png (binary: 0 lines) + README.md    Ana                              2   0  human
 * 14  vendor/lib.js (excluded path)             Ana                         (100 not counted)
 * 15  src/notes.py with a git-ai note           Ana                             10   7  line (1-4 ∪ 3-7)
 * 16  rename accounts.py → ledger.py, 1 line    Ana                              1   0  human (rename)
 *
 * added = 10+20+8+6+12+4+3+7+9+5+15+11+2+10+1 = 123
 * AI    = 20+8+6+12+4+9+15+7                 = 81   → share 81/123
 * by source: trailer 20+8+6+9+15 = 58, author 12+4 = 16, line 7; exact (line+author) = 23
 * by tool: claude_code 20+9+15+7 = 51, copilot 8+12 = 20, cursor 6, aider 4
 * </pre>
 */
class GitImportTest {

  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  static final String ANA = "Ana Lima <ana@acme.example>";
  static final String RAJ = "Raj Patel <raj@acme.example>";
  static final String NOTE =
      """
      src/notes.py
        a1b2c3d4e5f60718 1-4
        0f1e2d3c4b5a6978 3-7
      ---
      {
        "schema_version": "authorship/3.0.0",
        "git_ai_version": "1.0.23",
        "base_commit_sha": "7734793b756b3921c88db5375a8c156e9532447b",
        "prompts": {
          "a1b2c3d4e5f60718": {
            "agent_id": {"tool": "cursor", "id": "6ef2299e-a67f-432b-aa80-3d2fb4d28999", "model": "claude-4.5-opus"},
            "human_author": "Ana Lima <ana@acme.example>",
            "messages": [{"type": "user", "text": "Add the notes", "timestamp": "2026-03-05T01:22:13.211Z"}],
            "total_additions": 4, "total_deletions": 0, "accepted_lines": 4, "overriden_lines": 0
          },
          "0f1e2d3c4b5a6978": {
            "agent_id": {"tool": "claude", "id": "a1b2c3d4-e5f6-7890-abcd-ef1234567890", "model": "claude-sonnet-4-5"},
            "human_author": "Ana Lima <ana@acme.example>",
            "messages": [],
            "total_additions": 5, "total_deletions": 0, "accepted_lines": 5, "overriden_lines": 0
          }
        }
      }
      """;

  @TempDir static Path dir;
  static GitFixture repo;
  static Map<String, String> sha = new LinkedHashMap<>();

  final MemoryCheckpoints checkpoints = new MemoryCheckpoints();
  final Map<String, String> cursors = checkpoints.cursors();
  final List<List<CanonicalEvent>> published = new ArrayList<>();
  final SourceProgress progress = new SourceProgress();

  @BeforeAll
  static void build() {
    repo = GitFixture.init(dir.resolve("shop"));
    sha.put("1", repo.lines("src/accounts.py", 10, "acct").commit(ANA, "Add accounts"));
    sha.put(
        "2",
        repo.lines("src/cart.py", 20, "cart")
            .commit(ANA, "Add cart\n\nCo-Authored-By: Claude <noreply@anthropic.com>"));
    sha.put(
        "3",
        repo.lines("src/totals.py", 8, "totals")
            .commit(
                ANA,
                "Fix totals\n\nco-authored-by: Copilot"
                    + " <175728472+Copilot@users.noreply.github.com>"));
    sha.put(
        "4",
        repo.lines("src/tidy.py", 6, "tidy")
            .commit(RAJ, "Tidy\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>"));
    sha.put(
        "5",
        repo.lines("deps.txt", 5, "dep")
            .commit(
                "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>", "Bump lib"));
    sha.put(
        "6",
        repo.lines("src/agent.py", 12, "agent")
            .commit("Copilot <198982749+Copilot@users.noreply.github.com>", "Agent work"));
    sha.put(
        "7",
        repo.lines("src/refactor.py", 4, "ref")
            .commit("Raj Patel (aider) <raj@acme.example>", "Refactor"));
    sha.put(
        "8",
        repo.lines("src/typo.py", 3, "typo")
            .commit(RAJ, "Raj Patel (aider) <raj@acme.example>", "Fix typo"));
    sha.put(
        "9",
        repo.lines("src/review.py", 7, "rev")
            .commit(
                "Sam Ito <sam@anthropic.com>",
                "Review notes\n\nCo-authored-by: Sam Ito <sam@anthropic.com>"));
    sha.put(
        "10",
        repo.lines("src/search.py", 9, "search")
            .commit(
                ANA,
                "Add search\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)"));
    repo.checkout("export", true);
    sha.put("f1", repo.lines("src/export.py", 5, "exp").commit(RAJ, "Start export"));
    sha.put(
        "f2",
        repo.lines("src/export_csv.py", 15, "csv")
            .commit(RAJ, "Finish export\n\nCo-Authored-By: Claude <noreply@anthropic.com>"));
    repo.checkout("main", false);
    sha.put("M", repo.merge("export", RAJ, "Merge pull request #7 from acme/export\n\nExport"));
    sha.put("12", repo.lines("src/filters.py", 11, "filter").commit(ANA, "Add filters (#12)"));
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H'};
    sha.put(
        "13",
        repo.write("assets/logo.png", png).lines("README.md", 2, "readme").commit(ANA, "Logo"));
    sha.put("14", repo.lines("vendor/lib.js", 100, "vendored").commit(ANA, "Vendor lib"));
    sha.put("15", repo.lines("src/notes.py", 10, "notes").commit(ANA, "Add notes"));
    repo.note("ai", sha.get("15"), NOTE);
    repo.move("src/accounts.py", "src/ledger.py");
    StringBuilder ledger = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      ledger.append(i == 10 ? "ledger line 10" : "acct line " + i).append('\n');
    }
    sha.put(
        "16",
        repo.write("src/ledger.py", ledger.toString().getBytes(StandardCharsets.UTF_8))
            .commit(ANA, "Rename accounts to ledger"));
  }

  SourceRun run() {
    EventSink sink =
        events -> {
          published.add(List.copyOf(events));
          return CompletableFuture.completedFuture(new IngestReceipt(events.size(), 0, 0));
        };
    return new SourceRun(
        "git-1",
        sink,
        payload -> true,
        checkpoints,
        progress,
        Clock.fixed(NOW, ZoneOffset.UTC),
        wait -> {});
  }

  List<CanonicalEvent> importShop(String branch, int threads) throws InterruptedException {
    published.clear();
    new GitImport(
            new GitSource("git-1", repo.dir().toString(), "acme/shop", branch),
            new EventCodec(Clock.fixed(NOW, ZoneOffset.UTC), java.time.Duration.ofDays(1)),
            threads)
        .sync(run());
    return published.stream().flatMap(List::stream).toList();
  }

  static Map<String, JsonNode> commits(List<CanonicalEvent> events) {
    Map<String, JsonNode> bySha = new HashMap<>();
    for (CanonicalEvent event : events) {
      if (event.type().wireName().equals("commit")) {
        JsonNode data = tree(event);
        bySha.put(data.path("sha").asText(), data);
      }
    }
    return bySha;
  }

  static JsonNode tree(CanonicalEvent event) {
    try {
      return new ObjectMapper().readTree(event.canonicalJson()).path("data");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyCommitReachableFromTheHeadIsImportedWithItsFilesTrailersAndPullRequest()
      throws Exception {
    List<CanonicalEvent> events = importShop(null, 2);
    SourceProgress.Snapshot done = progress.snapshot(NOW);
    assertEquals(SourceProgress.State.DONE, done.state(), String.valueOf(done.lastError()));
    Map<String, JsonNode> commits = commits(events);
    // 15 made on main, 2 on the merged branch (not on the first-parent line), the merge itself
    assertEquals(18, commits.size());
    assertEquals(18, done.itemsDone());
    assertTrue(commits.containsKey(sha.get("f1")), "a commit of the merged branch is imported");

    JsonNode merge = commits.get(sha.get("M"));
    assertEquals(2, merge.path("parents").size());
    assertTrue(merge.path("files").isMissingNode(), "a merge lists no files of its own");
    assertEquals(7, merge.path("prNumber").asInt());
    assertEquals(12, commits.get(sha.get("12")).path("prNumber").asInt());
    assertTrue(commits.get(sha.get("1")).path("prNumber").isMissingNode());

    JsonNode copilot = commits.get(sha.get("3"));
    assertEquals("co-authored-by", copilot.path("trailers").get(0).path("key").asText());
    assertEquals(
        "Copilot <175728472+Copilot@users.noreply.github.com>",
        copilot.path("trailers").get(0).path("value").asText());
    JsonNode typo = commits.get(sha.get("8"));
    assertEquals("Raj Patel", typo.path("author").path("name").asText());
    assertEquals("Raj Patel (aider)", typo.path("committer").path("name").asText());
    assertEquals("2026-03-02T16:00:00Z", typo.path("authoredAt").asText());

    JsonNode logo = commits.get(sha.get("13"));
    assertEquals(
        "README.md 2/0, assets/logo.png 0/0 binary",
        files(logo),
        "a binary file counts 0 lines and says so");
    JsonNode rename = commits.get(sha.get("16"));
    assertEquals("src/ledger.py 1/1", files(rename), "a rename is one file, its edit counted");
    assertEquals("main", rename.path("branch").asText());
    assertEquals("commit:acme/shop@" + sha.get("16"), idOf(events, sha.get("16")));
  }

  @Test
  void theLineCountsAreGitsOwn() throws Exception {
    Map<String, JsonNode> commits = commits(importShop(null, 1));
    // git log --numstat with rename detection, the floor the import is measured against
    String log = repo.git("log", "--numstat", "-M", "--format=@%H", "main");
    Map<String, List<String>> numstat = new HashMap<>();
    String current = null;
    for (String line : log.split("\n")) {
      if (line.startsWith("@")) {
        current = line.substring(1);
        numstat.put(current, new ArrayList<>());
      } else if (!line.isBlank()) {
        String[] parts = line.split("\t");
        String path = parts[2].contains(" => ") ? renamedTo(parts[2]) : parts[2];
        String added = parts[0].equals("-") ? "0" : parts[0];
        String deleted = parts[1].equals("-") ? "0" : parts[1];
        numstat.get(current).add(path + " " + added + "/" + deleted);
      }
    }
    assertEquals(18, numstat.size());
    numstat.forEach(
        (commit, files) -> {
          JsonNode ours = commits.get(commit);
          assertNotNull(ours, commit);
          if (ours.path("parents").size() < 2) {
            assertEquals(
                files.stream().sorted().toList(),
                plainFiles(ours).stream().map(f -> f.replace(" binary", "")).sorted().toList(),
                "files of " + commit);
          }
        });
  }

  /**
   * "e c f g f a e f a f d e" → "e b a b d g e b a d": git's default diff (Myers) counts 5 added
   * and 7 deleted lines, its histogram diff 6 and 8; a clone that sets diff.algorithm gets that
   * one's counts, as from {@code git log --numstat} (where the two histogram diffs agree: JGit's
   * and git's differ on some inputs).
   */
  @Test
  void theDiffIsGitsOwnAlgorithm(@TempDir Path own) throws Exception {
    GitFixture lines = GitFixture.init(own.resolve("diff"));
    lines.write("f.txt", lettered("ecfgfaefafde")).commit(ANA, "One");
    String changed = lines.write("f.txt", lettered("ebabdgebad")).commit(ANA, "Two");
    assertEquals("5\t7\tf.txt", lines.git("show", "--numstat", "--format=", changed).strip());
    assertEquals("f.txt 5/7", files(importOwn(lines).get(changed)));
    cursors.clear();

    lines.git("config", "diff.algorithm", "histogram");
    assertEquals("6\t8\tf.txt", lines.git("show", "--numstat", "--format=", changed).strip());
    assertEquals("f.txt 6/8", files(importOwn(lines).get(changed)));
  }

  private static byte[] lettered(String letters) {
    return (String.join("\n", letters.split("")) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * What real clones hold and the contract does not take as is: an empty message, an author with an
   * empty e-mail ({@code Name <>}), a trailer with no value, a diff.algorithm JGit does not have.
   */
  @Test
  void oddCommitsStillCount(@TempDir Path own) throws Exception {
    GitFixture odd = GitFixture.init(own.resolve("odd"));
    odd.git("config", "diff.algorithm", "patience");
    String empty = odd.lines("a.txt", 3, "a").commit("Anon <>", "Anon <>", "");
    String changes = odd.lines("b.txt", 2, "b").commit(ANA, "Fix\n\nChanges:");
    Map<String, JsonNode> commits = importOwn(odd);
    assertEquals(SourceProgress.State.DONE, progress.snapshot(NOW).state());
    assertEquals(
        0, progress.snapshot(NOW).warningsTotal(), progress.snapshot(NOW).warnings().toString());
    JsonNode anon = commits.get(empty);
    assertEquals("Anon", anon.path("author").path("name").asText());
    assertEquals(GitCommitEvents.NO_EMAIL, anon.path("author").path("email").asText());
    assertTrue(anon.path("message").isMissingNode());
    assertEquals("a.txt 3/0", files(anon));
    assertEquals(0, commits.get(changes).path("trailers").size());
  }

  /**
   * A shallow clone's oldest commit has its parent left out: its lines are not counted (against
   * nothing, the whole tree would look added), with a warning; the commits after it count.
   */
  @Test
  void aShallowClonesBoundaryCountsNoLines(@TempDir Path own) throws Exception {
    GitFixture origin = GitFixture.init(own.resolve("origin"));
    origin.lines("a.txt", 50, "a").commit(ANA, "Old");
    origin.lines("b.txt", 5, "b").commit(ANA, "Boundary");
    String last = origin.lines("c.txt", 7, "c").commit(ANA, "Last");
    Path shallow = own.resolve("shallow");
    GitFixture.run(
        own,
        Map.of(),
        "git",
        "clone",
        "-q",
        "--depth",
        "2",
        "file://" + origin.dir().toAbsolutePath(),
        shallow.toString());
    Map<String, JsonNode> commits = importOwn(GitFixture.open(shallow));
    assertEquals(2, commits.size());
    assertEquals("c.txt 7/0", files(commits.get(last)));
    JsonNode boundary =
        commits.values().stream()
            .filter(c -> !c.path("sha").asText().equals(last))
            .findFirst()
            .get();
    assertTrue(boundary.path("files").isMissingNode(), boundary.toString());
    assertTrue(progress.snapshot(NOW).warnings().get(0).contains("shallow clone"));
  }

  /**
   * Notes fetched only after a first import (notes refs are not fetched by default) are all read by
   * the next; a note on a commit of another branch is not this branch's.
   */
  @Test
  void notesThatArriveLaterAreReadAndOtherBranchesNotesLeftOut(@TempDir Path own) throws Exception {
    GitFixture repo = GitFixture.init(own.resolve("later"));
    String old = repo.lines("src/notes.py", 10, "n").commit(ANA, "Old");
    repo.checkout("side", true);
    String side = repo.lines("src/notes.py", 12, "s").commit(ANA, "Side");
    repo.checkout("main", false);
    importOwn(repo);
    String branchCursor = cursors.get("branch:main");
    assertEquals(old, branchCursor);
    assertNull(cursors.get(GitImport.NOTES_STREAM));

    repo.note("ai", old, NOTE);
    repo.note("ai", side, NOTE);
    published.clear();
    new GitImport(
            new GitSource("git-3", repo.dir().toString(), "acme/diff", null),
            new EventCodec(Clock.fixed(NOW, ZoneOffset.UTC), java.time.Duration.ofDays(1)),
            1)
        .sync(run());
    assertEquals(
        List.of("attribution:acme/diff@" + old + ":line", "commit:acme/diff@" + old),
        published.stream().flatMap(List::stream).map(CanonicalEvent::id).sorted().toList());
  }

  private Map<String, JsonNode> importOwn(GitFixture clone) throws InterruptedException {
    published.clear();
    new GitImport(
            new GitSource("git-3", clone.dir().toString(), "acme/diff", null),
            new EventCodec(Clock.fixed(NOW, ZoneOffset.UTC), java.time.Duration.ofDays(1)),
            1)
        .sync(run());
    return commits(published.stream().flatMap(List::stream).toList());
  }

  @Test
  void aGitAiNoteBecomesLineAttributionWithOverlappingSessionsCountedOnce() throws Exception {
    List<CanonicalEvent> events = importShop(null, 2);
    List<CanonicalEvent> attributions =
        events.stream().filter(e -> e.type().wireName().equals("commit.attribution")).toList();
    assertEquals(1, attributions.size());
    CanonicalEvent attribution = attributions.get(0);
    assertEquals("attribution:acme/shop@" + sha.get("15") + ":line", attribution.id());
    JsonNode data = tree(attribution);
    assertEquals("line", data.path("source").asText());
    // claude: lines 3-7 (5), cursor: 1-4 (4): the tool and model behind most lines
    assertEquals("claude_code", data.path("tool").asText());
    assertEquals("claude-sonnet-4-5", data.path("model").asText());
    assertEquals("src/notes.py", data.path("files").get(0).path("path").asText());
    assertEquals(7, data.path("files").get(0).path("aiLines").asInt(), "1-4 ∪ 3-7 = 1-7");
    assertEquals("1-7", data.path("files").get(0).path("ranges").asText());
  }

  @Test
  void theEngineSharesTheHistoryAsComputedByHand() throws Exception {
    List<CanonicalEvent> events = importShop(null, 2);
    OrgModel org = new OrgModelLoader().load(ORG, "git test org").model();
    var result =
        MetricFamilies.engine()
            .withoutComplements()
            .compute(
                new EngineContext(
                    org,
                    DemoFigures.fold(events),
                    IsoWeek.parse("2026-W10"),
                    IsoWeek.parse("2026-W10"),
                    NOW));
    Figure share =
        result.figure(
            MetricId.AI_CODE_SHARE, ScopeId.parse("repo:acme/shop"), IsoWeek.parse("2026-W10"));
    assertNotNull(share);
    assertNull(share.withheld());
    assertEquals(81, share.num(), 1e-9);
    assertEquals(123, share.den(), 1e-9);
    assertEquals(23.0 / 123, share.exact(), 1e-9);
    assertEquals(
        Map.of("trailer", 58.0 / 123, "author", 16.0 / 123, "line", 7.0 / 123), share.bySource());
    // by tool: claude_code 20 + 9 + 15 + 7 (the note's) = 51, copilot 8 + 12 = 20, cursor 6,
    // aider 4: 81 in all
    assertEquals(
        Map.of(
            "claude_code",
            51.0 / 123,
            "copilot",
            20.0 / 123,
            "cursor",
            6.0 / 123,
            "aider",
            4.0 / 123),
        share.byTool());
  }

  @Test
  void aReimportReadsOnlyNewCommitsAndNotesWrittenSince() throws Exception {
    importShop(null, 2);
    assertEquals(sha.get("16"), cursors.get("branch:main"));
    String noted = cursors.get(GitImport.NOTES_STREAM);
    assertNotNull(noted);

    assertEquals(List.of(), importShop(null, 2), "nothing new: nothing published");

    // the same repository later: a copy, so the other tests keep theirs
    Path clone = dir.resolve("shop-later");
    GitFixture.run(dir, Map.of(), "cp", "-r", repo.dir().toString(), clone.toString());
    GitFixture later = GitFixture.open(clone);
    later.at(Instant.parse("2026-03-10T09:00:00Z"));
    String added = later.lines("src/late.py", 3, "late").commit(ANA, "Late change");
    // a note written afterwards for a commit imported before
    later.note(
        "ai", sha.get("12"), NOTE.replace("src/notes.py", "src/filters.py").replace("3-7", "3-5"));
    published.clear();
    new GitImport(
            new GitSource("git-1", clone.toString(), "acme/shop", null),
            new EventCodec(Clock.fixed(NOW, ZoneOffset.UTC), java.time.Duration.ofDays(1)),
            2)
        .sync(run());
    List<CanonicalEvent> events = published.stream().flatMap(List::stream).toList();
    assertEquals(
        List.of(
            "attribution:acme/shop@" + sha.get("12") + ":line",
            "commit:acme/shop@" + added,
            "commit:acme/shop@" + sha.get("12")),
        events.stream().map(CanonicalEvent::id).sorted().toList());
    assertEquals(added, cursors.get("branch:main"));
  }

  @Test
  void aNamedBranchAndItsErrors() throws Exception {
    List<CanonicalEvent> events = importShop("export", 1);
    // the branch holds commits 1-10 and its own two
    assertEquals(12, commits(events).size());
    importShop("no-such-branch", 1);
    SourceProgress.Snapshot failed = progress.snapshot(NOW);
    assertEquals(SourceProgress.State.FAILED, failed.state());
    assertEquals("no branch 'no-such-branch' in the repository", failed.lastError());
  }

  static final String ORG =
      """
      org: {name: Acme, timeZone: UTC, privacyFloor: 1}
      pillars: [{id: commerce, name: Commerce}]
      pods: [{id: checkout, name: Checkout, pillar: commerce}]
      members:
        - {id: ana, name: Ana Lima, role: engineer, level: L5, identities: {emails: [ana@acme.example]}, memberships: [{pod: checkout, from: 2025-01-01}]}
        - {id: raj, name: Raj Patel, role: engineer, level: L5, identities: {emails: [raj@acme.example]}, memberships: [{pod: checkout, from: 2025-01-01}]}
        - {id: sam, name: Sam Ito, role: engineer, level: L5, identities: {emails: [sam@anthropic.com]}, memberships: [{pod: checkout, from: 2025-01-01}]}
      services: [{id: shop-api, pod: checkout, repos: [acme/shop]}]
      """;

  private static String renamedTo(String numstatPath) {
    // "src/{accounts.py => ledger.py}" or "old => new"
    int brace = numstatPath.indexOf('{');
    if (brace < 0) {
      return numstatPath.substring(numstatPath.indexOf(" => ") + 4);
    }
    int end = numstatPath.indexOf('}');
    String inner = numstatPath.substring(brace + 1, end);
    return numstatPath.substring(0, brace)
        + inner.substring(inner.indexOf(" => ") + 4)
        + numstatPath.substring(end + 1);
  }

  private static String idOf(List<CanonicalEvent> events, String commit) {
    return events.stream()
        .filter(e -> e.id().endsWith("@" + commit))
        .map(CanonicalEvent::id)
        .findFirst()
        .orElseThrow();
  }

  /** Each file as "path added/deleted", as git log --numstat counts them. */
  private static List<String> plainFiles(JsonNode commit) {
    List<String> files = new ArrayList<>();
    commit
        .path("files")
        .forEach(
            f ->
                files.add(
                    f.path("path").asText()
                        + " "
                        + f.path("additions").asInt()
                        + "/"
                        + f.path("deletions").asInt()
                        + (f.path("binary").asBoolean() ? " binary" : "")));
    return files;
  }

  private static String files(JsonNode commit) {
    return String.join(", ", plainFiles(commit));
  }
}
