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
    List<String> linked = new ArrayList<>();
    for (LinkedBet bet : bets) {
      if (bet.links(pr)) {
        linked.add(bet.id);
      }
    }
    return linked;
  }

  public List<Service> services() {
    return org.services();
  }

  private static final class LinkedBet {
    final String id;
    final BetLinks links;
    final PathGlobs paths;

    LinkedBet(Bet bet) {
      this.id = bet.id();
      this.links = bet.links();
      this.paths = new PathGlobs(bet.links().paths());
    }

    boolean links(PullRequestFact pr) {
      for (String label : pr.labels()) {
        if (links.labels().stream().anyMatch(l -> l.equalsIgnoreCase(label))) {
          return true;
        }
      }
      if (pr.headBranch() != null
          && links.branchPrefixes().stream().anyMatch(p -> pr.headBranch().startsWith(p))) {
        return true;
      }
      if (pr.title() != null) {
        String title = pr.title().toLowerCase(Locale.ROOT);
        if (links.titleTags().stream().anyMatch(t -> title.contains(t.toLowerCase(Locale.ROOT)))) {
          return true;
        }
      }
      if (pr.repo() != null
          && links.repos().stream().anyMatch(r -> r.equalsIgnoreCase(pr.repo()))) {
        return true;
      }
      if (!links.paths().isEmpty()) {
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
