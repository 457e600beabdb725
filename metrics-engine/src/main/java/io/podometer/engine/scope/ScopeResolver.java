package io.podometer.engine.scope;

import io.podometer.engine.attribution.PathGlobs;
import io.podometer.engine.event.EventData.ChangedFile;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.org.Bet;
import io.podometer.engine.org.BetLinks;
import io.podometer.engine.org.MemberDirectory;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.Pod;
import io.podometer.engine.org.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scopes a fact counts in: the organization, the pod it counts for and that pod's pillar, the
 * repository and its service, the bets its work is linked to and their STOs, and the member behind
 * it (private). Lists are shared and immutable. Thread-safe.
 */
public final class ScopeResolver {

  private final OrgModel org;
  private final MemberDirectory members;
  private final Map<String, List<ScopeId>> podChains = new ConcurrentHashMap<>();
  private final List<LinkedBet> bets;
  private final Map<String, List<String>> linkedBets =
      new java.util.concurrent.ConcurrentHashMap<>();

  public ScopeResolver(OrgModel org, MemberDirectory members) {
    this.org = org;
    this.members = members;
    this.bets = org.bets().stream().map(LinkedBet::new).toList();
  }

  /** {@code org}, then the pod's pillar and the pod; just {@code org} for no pod. */
  public List<ScopeId> podChain(String podId) {
    if (podId == null) {
      return List.of(ScopeId.ORG);
    }
    return podChains.computeIfAbsent(
        podId,
        id -> {
          List<ScopeId> chain = new ArrayList<>();
          chain.add(ScopeId.ORG);
          org.pod(id).flatMap(Pod::pillarId).ifPresent(p -> chain.add(ScopeId.pillar(p)));
          chain.add(ScopeId.pod(id));
          return List.copyOf(chain);
        });
  }

  /** The service a repository belongs to (its own id when no service claims it). */
  public String serviceOf(String repo) {
    return members.serviceForRepo(repo);
  }

  /**
   * Scopes of a change (PR or commit): pod chain, repository, service, linked bets and their STOs,
   * and the author's member scope when the author is a member.
   */
  public List<ScopeId> forChange(String podId, String repo, List<String> betIds, String memberId) {
    List<ScopeId> scopes = new ArrayList<>(podChain(podId));
    if (repo != null) {
      scopes.add(ScopeId.repo(repo));
      scopes.add(ScopeId.service(serviceOf(repo)));
    }
    for (String betId : betIds) {
      scopes.add(ScopeId.bet(betId));
      org.bet(betId).flatMap(Bet::sto).ifPresent(sto -> scopes.add(ScopeId.sto(sto)));
    }
    if (memberId != null) {
      scopes.add(ScopeId.member(memberId));
    }
    return List.copyOf(scopes);
  }

  /** Scopes of a fact about a service (deployment, incident): its pod chain, service and repos. */
  public List<ScopeId> forService(String serviceId) {
    List<ScopeId> scopes = new ArrayList<>(podChain(members.podOfService(serviceId).orElse(null)));
    scopes.add(ScopeId.service(serviceId));
    org.service(serviceId)
        .ifPresentOrElse(
            s -> s.repos().forEach(r -> scopes.add(ScopeId.repo(r))),
            () -> {
              if (serviceId.contains("/")) {
                scopes.add(ScopeId.repo(serviceId));
              }
            });
    return List.copyOf(scopes);
  }

  /** Scopes of a member's own activity (usage, meetings, pulse): pod chain and member. */
  public List<ScopeId> forMember(String podId, String memberId) {
    List<ScopeId> scopes = new ArrayList<>(podChain(podId));
    if (memberId != null) {
      scopes.add(ScopeId.member(memberId));
    }
    return List.copyOf(scopes);
  }

  /** The bets a pull request's work is linked to (label, branch prefix, title tag, repo, path). */
  public List<String> betsOf(PullRequestFact pr) {
    if (bets.isEmpty()) {
      return List.of();
    }
    // every family asks for every pull request: decide once per pull request
    return linkedBets.computeIfAbsent(pr.repo() + "#" + pr.number(), key -> link(pr));
  }

  private List<String> link(PullRequestFact pr) {
    List<String> linked = null;
    for (LinkedBet bet : bets) {
      if (bet.links(pr)) {
        if (linked == null) {
          linked = new ArrayList<>(2);
        }
        linked.add(bet.id);
      }
    }
    return linked == null ? List.of() : List.copyOf(linked);
  }

  public List<Service> services() {
    return org.services();
  }

  private static final class LinkedBet {
    final String id;
    final java.util.Set<String> labels;
    final List<String> branchPrefixes;
    final List<String> titleTags;
    final java.util.Set<String> repos;
    final PathGlobs paths;
    final boolean hasPaths;

    LinkedBet(Bet bet) {
      BetLinks links = bet.links();
      this.id = bet.id();
      this.labels = lowerSet(links.labels());
      this.branchPrefixes = links.branchPrefixes();
      this.titleTags = links.titleTags().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
      this.repos = lowerSet(links.repos());
      this.paths = new PathGlobs(links.paths());
      this.hasPaths = !links.paths().isEmpty();
    }

    private static java.util.Set<String> lowerSet(List<String> values) {
      java.util.Set<String> set = new java.util.HashSet<>();
      for (String value : values) {
        set.add(value.toLowerCase(Locale.ROOT));
      }
      return set;
    }

    boolean links(PullRequestFact pr) {
      for (String label : pr.labels()) {
        if (labels.contains(label.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
      if (pr.headBranch() != null) {
        for (String prefix : branchPrefixes) {
          if (pr.headBranch().startsWith(prefix)) {
            return true;
          }
        }
      }
      if (pr.title() != null && !titleTags.isEmpty()) {
        String title = pr.title().toLowerCase(Locale.ROOT);
        for (String tag : titleTags) {
          if (title.contains(tag)) {
            return true;
          }
        }
      }
      if (pr.repo() != null && repos.contains(pr.repo().toLowerCase(Locale.ROOT))) {
        return true;
      }
      if (hasPaths) {
        for (ChangedFile file : pr.files()) {
          if (paths.matches(file.path())) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
