package io.podometer.engine.metric.flow;

import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.scope.ScopeId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pull requests that count in figures (those of ignored bots left out), each with the pod it
 * counts for, its scopes and the person behind it, built once per computation and ordered by
 * repository and number so that every pass emits in the same order whatever order events came in.
 */
public final class PullRequests {

  /**
   * A counted PR. {@code scopes}: pod chain, repository, service, bets and the author's member
   * scope; {@code podScopes}: pod chain and the author's member scope only. {@code person} is null
   * for an agent author. Its scopes are resolved when first read: a computation of a few weeks
   * reads the pull requests of the weeks around them, and emits for those of its own weeks only.
   */
  public static final class Counted {
    private final PullRequestFact fact;
    private final String key;
    private final String pod;
    private final People.Identity author;
    private final EngineContext context;
    // set once, racily: every thread resolves the same lists
    private volatile List<ScopeId> scopes;
    private volatile List<ScopeId> podScopes;
    private volatile String ref;

    Counted(
        PullRequestFact fact,
        String key,
        String pod,
        People.Identity author,
        EngineContext context) {
      this.fact = fact;
      this.key = key;
      this.pod = pod;
      this.author = author;
      this.context = context;
    }

    public PullRequestFact fact() {
      return fact;
    }

    public String key() {
      return key;
    }

    public String pod() {
      return pod;
    }

    public People.Identity author() {
      return author;
    }

    public List<ScopeId> scopes() {
      List<ScopeId> resolved = scopes;
      if (resolved == null) {
        resolved =
            context
                .scopes()
                .forChange(pod, fact.repo(), context.scopes().betsOf(fact), author.memberId());
        scopes = resolved;
      }
      return resolved;
    }

    public List<ScopeId> podScopes() {
      List<ScopeId> resolved = podScopes;
      if (resolved == null) {
        resolved = context.scopes().forMember(pod, author.memberId());
        podScopes = resolved;
      }
      return resolved;
    }

    public String ref() {
      String made = ref;
      if (made == null) {
        made = "pr:" + key;
        ref = made;
      }
      return made;
    }

    public String person() {
      return author.person();
    }

    @Override
    public String toString() {
      return ref();
    }
  }

  private static final Comparator<PullRequestFact> ORDER =
      Comparator.comparing(PullRequestFact::repo, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparingInt(PullRequestFact::number);

  private final List<Counted> counted;
  private final Map<String, Counted> byKey;

  /** The computation's counted pull requests, built once for every family that asks. */
  public static PullRequests of(EngineContext context) {
    return context.shared(PullRequests.class, c -> new PullRequests(c, People.of(c)));
  }

  public PullRequests(EngineContext context, People people) {
    List<PullRequestFact> facts = new ArrayList<>(context.facts().pullRequests());
    facts.sort(ORDER);
    counted = new ArrayList<>(facts.size());
    byKey = new HashMap<>(facts.size() * 2);
    for (PullRequestFact pr : facts) {
      if (pr.repo() == null || context.pods().isIgnored(pr)) {
        continue;
      }
      People.Identity author = people.of(pr.author());
      String pod = context.pods().podOf(pr).orElse(null);
      Counted c = new Counted(pr, key(pr.repo(), pr.number()), pod, author, context);
      counted.add(c);
      byKey.put(c.key(), c);
    }
  }

  public static String key(String repo, int number) {
    return repo + "#" + number;
  }

  /** Every counted PR, by repository and number. */
  public List<Counted> all() {
    return counted;
  }

  /** The counted PR, or null (unknown, or authored by an ignored bot). */
  public Counted get(String repo, int number) {
    return byKey.get(key(repo, number));
  }

  /** The counted PR of a {@link #key}, or null. */
  public Counted get(String key) {
    return byKey.get(key);
  }
}
