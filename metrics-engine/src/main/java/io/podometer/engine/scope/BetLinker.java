package io.podometer.engine.scope;

import io.podometer.engine.attribution.PathGlobs;
import io.podometer.engine.event.EventData.ChangedFile;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.org.Bet;
import io.podometer.engine.org.BetLinks;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides which bets a pull request's work is linked to: a label (any case), a head-branch prefix,
 * a title tag (any case), the repository (any case) or a changed path, as each bet's {@code links}
 * say. Indexed by link so that a pull request costs a few lookups whatever the number of bets (a
 * large organization has hundreds). Immutable, thread-safe.
 */
final class BetLinker {

  private final List<String> betIds = new ArrayList<>();
  private final Map<String, BitSet> byLabel = new HashMap<>();
  private final Map<String, BitSet> byRepo = new HashMap<>();
  // sorted: the prefixes of a branch are found by a few floor lookups, not one per length
  private final java.util.NavigableMap<String, BitSet> byBranchPrefix = new java.util.TreeMap<>();
  private final Map<Character, List<Tag>> tagsByFirstChar = new HashMap<>();
  private final List<PathLink> pathLinks = new ArrayList<>();

  private record Tag(String text, int bet) {}

  private record PathLink(PathGlobs globs, int bet) {}

  BetLinker(List<Bet> bets) {
    for (Bet bet : bets) {
      int index = betIds.size();
      betIds.add(bet.id());
      BetLinks links = bet.links();
      links.labels().forEach(label -> mark(byLabel, lower(label), index));
      links.repos().forEach(repo -> mark(byRepo, lower(repo), index));
      for (String prefix : links.branchPrefixes()) {
        mark(byBranchPrefix, prefix, index);
      }
      for (String tag : links.titleTags()) {
        if (!tag.isEmpty()) {
          String text = lower(tag);
          tagsByFirstChar
              .computeIfAbsent(text.charAt(0), c -> new ArrayList<>())
              .add(new Tag(text, index));
        }
      }
      if (!links.paths().isEmpty()) {
        pathLinks.add(new PathLink(new PathGlobs(links.paths()), index));
      }
    }
  }

  boolean isEmpty() {
    return betIds.isEmpty();
  }

  /** The ids of the bets the pull request is linked to, in the organization model's order. */
  List<String> betsOf(PullRequestFact pr) {
    BitSet linked = new BitSet(betIds.size());
    for (String label : pr.labels()) {
      or(linked, byLabel.get(lower(label)));
    }
    if (pr.repo() != null) {
      or(linked, byRepo.get(lower(pr.repo())));
    }
    String branch = pr.headBranch();
    if (branch != null) {
      linkByBranchPrefix(branch, linked);
    }
    if (pr.title() != null && !tagsByFirstChar.isEmpty()) {
      String title = lower(pr.title());
      for (int i = 0; i < title.length(); i++) {
        List<Tag> candidates = tagsByFirstChar.get(title.charAt(i));
        if (candidates != null) {
          for (Tag tag : candidates) {
            if (title.startsWith(tag.text(), i)) {
              linked.set(tag.bet());
            }
          }
        }
      }
    }
    for (PathLink link : pathLinks) {
      if (!linked.get(link.bet())) {
        for (ChangedFile file : pr.files()) {
          if (file.path() != null && link.globs().matches(file.path())) {
            linked.set(link.bet());
            break;
          }
        }
      }
    }
    if (linked.isEmpty()) {
      return List.of();
    }
    List<String> ids = new ArrayList<>(linked.cardinality());
    linked.stream().forEach(i -> ids.add(betIds.get(i)));
    return List.copyOf(ids);
  }

  /**
   * Marks the bets of every prefix of {@code branch}. The greatest prefix not after the branch is
   * either one of its prefixes, or shares only its first {@code common} characters with it, and
   * then every shorter prefix of the branch is a prefix of those characters too.
   */
  private void linkByBranchPrefix(String branch, BitSet linked) {
    Map.Entry<String, BitSet> candidate = byBranchPrefix.floorEntry(branch);
    while (candidate != null) {
      String prefix = candidate.getKey();
      int common = 0;
      int longest = Math.min(prefix.length(), branch.length());
      while (common < longest && prefix.charAt(common) == branch.charAt(common)) {
        common++;
      }
      if (common == prefix.length()) {
        linked.or(candidate.getValue());
        candidate = byBranchPrefix.lowerEntry(prefix);
      } else {
        candidate = byBranchPrefix.floorEntry(branch.substring(0, common));
      }
    }
  }

  private static void mark(Map<String, BitSet> index, String key, int bet) {
    index.computeIfAbsent(key, k -> new BitSet()).set(bet);
  }

  private static void or(BitSet linked, BitSet bets) {
    if (bets != null) {
      linked.or(bets);
    }
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
