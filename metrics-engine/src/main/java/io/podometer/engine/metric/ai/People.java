package io.podometer.engine.metric.ai;

import io.podometer.engine.event.EventData.Person;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.org.Member;
import io.podometer.engine.org.Membership;
import io.podometer.engine.scope.ScopeId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is who, remembered for one computation: the member behind an identity, the agent behind a
 * login, a member's pod on a day, the pod a change counts for, and the scopes of a member's own
 * activity. The same few thousand identities appear on hundreds of thousands of commits and usage
 * days; each is resolved once. Not thread-safe.
 */
final class People {

  private static final String NOBODY = "";

  private final EngineContext context;
  private final WeekSlots slots;
  private final Map<String, String> memberByIdentity = new HashMap<>();
  private final Map<String, String> agentByLogin = new HashMap<>();
  private final Map<String, Stays> stays = new HashMap<>();
  private final Map<String, String> podByRepo = new HashMap<>();
  private final Map<String, Map<String, List<ScopeId>>> memberScopes = new HashMap<>();

  People(EngineContext context, WeekSlots slots) {
    this.context = context;
    this.slots = slots;
    for (Member member : context.org().members()) {
      stays.put(member.id(), new Stays(member.memberships()));
    }
  }

  /** The member an identity (login, e-mail, telemetry id) names, or null. */
  String memberOf(String identity) {
    if (identity == null) {
      return null;
    }
    String member = memberByIdentity.get(identity);
    if (member == null) {
      member = context.memberOf(identity);
      member = member == null ? NOBODY : member;
      memberByIdentity.put(identity, member);
    }
    return member.isEmpty() ? null : member;
  }

  /** The member a commit author is, by login, else by e-mail; or null. */
  String memberOf(Person author) {
    String byLogin = memberOf(author.login());
    return byLogin != null ? byLogin : memberOf(author.email());
  }

  /** The agent tool a login belongs to, or null (the identity directory's answer). */
  String agentOf(String login) {
    if (login == null) {
      return null;
    }
    String agent = agentByLogin.get(login);
    if (agent == null) {
      agent = context.identities().classify(login).tool().orElse(NOBODY);
      agentByLogin.put(login, agent);
    }
    return agent.isEmpty() ? null : agent;
  }

  /** The member's pod at an instant (the day in the organization's time zone), or null. */
  String podOf(String member, Instant at) {
    return member == null || at == null ? null : podOf(member, slots.epochDay(at));
  }

  /** The member's pod on a day, or null. */
  String podOf(String member, LocalDate day) {
    return member == null || day == null ? null : podOf(member, day.toEpochDay());
  }

  /** The member's pod on an epoch day, or null: the first stay covering it, as the directory. */
  String podOf(String member, long epochDay) {
    Stays s = member == null ? null : stays.get(member);
    return s == null ? null : s.podOn(epochDay);
  }

  /**
   * The pod a merged pull request counts for, as {@link io.podometer.engine.metric.PodAttribution}
   * decides it for a PR that is not an ignored bot's: the author's pod when it was opened, else the
   * pod owning the repository; null for none.
   */
  String podOf(PullRequestFact pr) {
    Instant opened = pr.createdAt() != null ? pr.createdAt() : pr.mergedAt();
    String pod = podOf(memberOf(pr.author()), opened);
    return pod != null ? pod : podOwning(pr.repo());
  }

  /**
   * The pod a commit without a pull request counts for, as {@link
   * io.podometer.engine.metric.PodAttribution} decides it for a commit that is not an ignored
   * bot's: its author's pod at commit time (by login, else by e-mail), else the pod owning the
   * repository; null for none (and for a commit without an author).
   */
  String podOf(CommitFact commit) {
    Person author = commit.author();
    if (author == null) {
      return null;
    }
    Instant at = commit.committedAt() != null ? commit.committedAt() : commit.authoredAt();
    String pod = podOf(memberOf(author.login()), at);
    if (pod == null) {
      pod = podOf(memberOf(author.email()), at);
    }
    return pod != null ? pod : podOwning(commit.repo());
  }

  private String podOwning(String repo) {
    if (repo == null) {
      return null;
    }
    String pod = podByRepo.get(repo);
    if (pod == null) {
      pod = context.members().podOwningRepo(repo).orElse(NOBODY);
      podByRepo.put(repo, pod);
    }
    return pod.isEmpty() ? null : pod;
  }

  /** The pod chain and the member's own scope (just the pod chain for no member); shared lists. */
  List<ScopeId> memberScopes(String pod, String member) {
    return memberScopes
        .computeIfAbsent(member == null ? NOBODY : member, k -> new HashMap<>())
        .computeIfAbsent(pod == null ? NOBODY : pod, k -> context.scopes().forMember(pod, member));
  }

  /** A member's stays in pods as epoch-day ranges, in the order the model lists them. */
  private static final class Stays {
    private final String[] pods;
    private final long[] from;
    private final long[] until;

    Stays(List<Membership> memberships) {
      int n = memberships.size();
      pods = new String[n];
      from = new long[n];
      until = new long[n];
      for (int i = 0; i < n; i++) {
        Membership stay = memberships.get(i);
        pods[i] = stay.pod();
        from[i] = stay.from().toEpochDay();
        until[i] = stay.until() == null ? Long.MAX_VALUE : stay.until().toEpochDay();
      }
    }

    String podOn(long epochDay) {
      for (int i = 0; i < pods.length; i++) {
        if (from[i] <= epochDay && epochDay < until[i]) {
          return pods[i];
        }
      }
      return null;
    }
  }
}
