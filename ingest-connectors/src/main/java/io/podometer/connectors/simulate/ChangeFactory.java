package io.podometer.connectors.simulate;

import io.podometer.connectors.simulate.Change.FileChange;
import io.podometer.connectors.simulate.Change.Trailer;
import io.podometer.connectors.simulate.Org.Stack;
import io.podometer.connectors.simulate.Org.Tool;
import java.util.ArrayList;
import java.util.List;

/**
 * What a change touches and says: files and line counts in the repository's stack, commit subjects,
 * and the AI marks a commit carries when its author used an agent that day (trailers, the Claude
 * Code footer, line-level notes).
 */
final class ChangeFactory {
  static final String CLAUDE_FOOTER =
      "\uD83E\uDD16 Generated with [Claude Code](https://claude.com/claude-code)";
  static final String COPILOT_CO_AUTHOR = "Copilot <175728472+Copilot@users.noreply.github.com>";
  private static final String[] CO_AUTHOR_KEYS = {
    "Co-Authored-By",
    "Co-Authored-By",
    "Co-Authored-By",
    "Co-authored-by",
    "Co-authored-by",
    "co-authored-by"
  };
  private static final String[] CLAUDES = {
    "Claude <noreply@anthropic.com>",
    "Claude <noreply@anthropic.com>",
    "Claude Sonnet 4.5 <noreply@anthropic.com>",
    "Claude Opus 4.5 <noreply@anthropic.com>"
  };
  private static final String[] FOLLOW_UPS = {
    "Address review comments",
    "Fix tests",
    "Apply suggestions from code review",
    "Handle edge case from review",
    "Rename per review"
  };

  /** How a commit shows AI help: trailers in message order, the footer, line-level notes. */
  record Marks(List<Trailer> trailers, boolean footer, boolean lineNotes) {
    static final Marks NONE = new Marks(List.of(), false, false);
  }

  private ChangeFactory() {}

  /** The marks of a human commit on a day with the given {@link UsagePlan} bits. */
  static Marks marks(Rng r, int bits) {
    if (UsagePlan.uses(bits, Tool.CLAUDE_CODE)) {
      boolean trailer = r.chance(0.8);
      boolean footer = trailer ? r.chance(0.45) : r.chance(0.1);
      List<Trailer> trailers =
          trailer ? List.of(new Trailer(r.pick(CO_AUTHOR_KEYS), r.pick(CLAUDES))) : List.of();
      return new Marks(trailers, footer, r.chance(trailer ? 0.1 : 0.25));
    }
    if (UsagePlan.uses(bits, Tool.COPILOT) && r.chance(0.3)) {
      return new Marks(List.of(new Trailer("Co-authored-by", COPILOT_CO_AUTHOR)), false, false);
    }
    if (!UsagePlan.usesAny(bits) && r.chance(0.015)) {
      // people paste trailers without the agent too; the metrics_gaming check looks for these
      return new Marks(List.of(new Trailer("Co-Authored-By", CLAUDES[0])), false, false);
    }
    return Marks.NONE;
  }

  static String message(String subject, String body, Marks marks) {
    StringBuilder m = new StringBuilder(subject);
    if (body != null) {
      m.append("\n\n").append(body);
    }
    if (marks.footer()) {
      m.append("\n\n").append(CLAUDE_FOOTER);
    }
    for (int i = 0; i < marks.trailers().size(); i++) {
      Trailer t = marks.trailers().get(i);
      m.append(i == 0 ? "\n\n" : "\n").append(t.key()).append(": ").append(t.value());
    }
    return m.toString();
  }

  static String subject(Rng r) {
    String noun = r.pick(Names.NOUNS).replace('-', ' ');
    return r.pick(Names.VERBS) + " " + String.format(r.pick(Names.OBJECTS), noun);
  }

  static String followUp(Rng r) {
    return r.pick(FOLLOW_UPS);
  }

  static String slug(String subject) {
    StringBuilder b = new StringBuilder();
    for (char c : subject.toLowerCase().toCharArray()) {
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        b.append(c);
      } else if (b.length() > 0 && b.charAt(b.length() - 1) != '-') {
        b.append('-');
      }
    }
    int end = b.length();
    while (end > 0 && b.charAt(end - 1) == '-') {
      end--;
    }
    return b.substring(0, Math.min(end, 40));
  }

  /**
   * Files and lines of a change split over {@code commits} commits: every commit touches at least
   * one file; a log-normal size around {@code medianLines} added lines.
   */
  static List<List<FileChange>> split(
      Rng r, Repo repo, int commits, double medianLines, double testChance) {
    return split(r, repo, commits, medianLines, testChance, 0.1);
  }

  /** As above, with the odds of a docs file changing with it. */
  static List<List<FileChange>> split(
      Rng r, Repo repo, int commits, double medianLines, double testChance, double docsChance) {
    int added = (int) Math.max(1, Math.min(2_500, Math.round(r.logNormal(medianLines, 1.0))));
    int fileCount = (int) Math.max(1, Math.min(12, Math.round(added / 70.0 * r.uniform(0.5, 1.6))));
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < fileCount; i++) {
      String path = Paths.source(r, repo.service, r.pick(Names.NOUNS));
      if (!paths.contains(path)) {
        paths.add(path);
      }
    }
    if (r.chance(testChance)) {
      paths.add(Paths.test(repo.service, r.pick(Names.NOUNS)));
    }
    if (r.chance(docsChance)) {
      paths.add("docs/" + r.pick(Names.NOUNS) + ".md");
    }
    if (r.chance(0.03)) {
      paths.add(Paths.sensitive(r, repo.service));
    }
    List<List<FileChange>> parts = new ArrayList<>();
    for (int c = 0; c < commits; c++) {
      parts.add(new ArrayList<>());
    }
    int offset = r.between(0, commits - 1);
    for (int i = 0; i < paths.size(); i++) {
      int lines = Math.max(1, (int) Math.round(added * r.uniform(0.4, 1.6) / paths.size()));
      int deleted = (int) Math.round(lines * r.uniform(0.0, 0.6));
      int c = (offset + i) % commits;
      if (commits > 1 && lines > 20 && r.chance(0.35)) {
        int first = lines / 2;
        parts.get(c).add(new FileChange(paths.get(i), first, deleted / 2));
        parts
            .get((c + 1) % commits)
            .add(new FileChange(paths.get(i), lines - first, deleted - deleted / 2));
      } else {
        parts.get(c).add(new FileChange(paths.get(i), lines, deleted));
      }
    }
    for (List<FileChange> part : parts) {
      if (part.isEmpty()) {
        part.add(new FileChange(paths.get(0), r.between(1, 12), r.between(0, 5)));
      }
    }
    return parts;
  }

  /** The files of a revert: the reverted change with additions and deletions swapped. */
  static List<FileChange> reverted(List<FileChange> files) {
    List<FileChange> result = new ArrayList<>(files.size());
    for (FileChange f : files) {
      result.add(new FileChange(f.path(), f.deletions(), f.additions()));
    }
    return result;
  }

  /** Paths in the layout of each stack. */
  static final class Paths {
    private Paths() {}

    static String source(Rng r, Org.Service service, String noun) {
      String pkg = Names.asciiLower(service.id());
      return switch (service.stack()) {
        case JAVA ->
            "src/main/java/com/acme/"
                + pkg
                + "/"
                + camel(noun)
                + r.pick(new String[] {"Service", "Controller", "Repository", ""})
                + ".java";
        case PYTHON -> service.id().replace('-', '_') + "/" + noun.replace('-', '_') + ".py";
        case TYPESCRIPT ->
            "src/" + noun + "/" + lowerCamel(noun) + r.pick(new String[] {".ts", ".tsx"});
        case GO -> "internal/" + Names.asciiLower(noun) + "/" + noun.replace('-', '_') + ".go";
      };
    }

    static String test(Org.Service service, String noun) {
      String pkg = Names.asciiLower(service.id());
      return switch (service.stack()) {
        case JAVA -> "src/test/java/com/acme/" + pkg + "/" + camel(noun) + "Test.java";
        case PYTHON -> "tests/test_" + noun.replace('-', '_') + ".py";
        case TYPESCRIPT -> "src/" + noun + "/" + lowerCamel(noun) + ".test.ts";
        case GO -> "internal/" + Names.asciiLower(noun) + "/" + noun.replace('-', '_') + "_test.go";
      };
    }

    static String sensitive(Rng r, Org.Service service) {
      return switch (r.between(0, 2)) {
        case 0 -> ".github/workflows/ci.yml";
        case 1 -> "infra/" + service.id() + ".tf";
        default ->
            service.stack() == Stack.JAVA
                ? "src/main/java/com/acme/"
                    + Names.asciiLower(service.id())
                    + "/auth/TokenVerifier.java"
                : "src/auth/tokens."
                    + (service.stack() == Stack.PYTHON
                        ? "py"
                        : service.stack() == Stack.GO ? "go" : "ts");
      };
    }

    private static String camel(String noun) {
      String c = lowerCamel(noun);
      return Character.toUpperCase(c.charAt(0)) + c.substring(1);
    }

    private static String lowerCamel(String noun) {
      StringBuilder b = new StringBuilder();
      boolean upper = false;
      for (char ch : noun.toCharArray()) {
        if (ch == '-') {
          upper = true;
        } else {
          b.append(upper ? Character.toUpperCase(ch) : ch);
          upper = false;
        }
      }
      return b.toString();
    }
  }
}
