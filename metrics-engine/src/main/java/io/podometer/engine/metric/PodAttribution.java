package io.podometer.engine.metric;

import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.identity.IdentityDirectory;
import io.podometer.engine.org.MemberDirectory;
import java.time.Instant;
import java.util.Optional;

/**
 * Which pod a fact counts for (SPEC §5): a PR → its author's pod when it was opened; a commit
 * without a PR → its author's pod at commit time; an agent or unmapped author → the pod owning the
 * repository; an ignored bot → nobody. Thread-safe.
 */
public final class PodAttribution {

  private final MemberDirectory members;
  private final IdentityDirectory identities;

  public PodAttribution(MemberDirectory members, IdentityDirectory identities) {
    this.members = members;
    this.identities = identities;
  }

  public boolean isIgnoredBot(String identity) {
    return identities.isIgnoredBot(identity);
  }

  public boolean isIgnored(PullRequestFact pr) {
    return isIgnoredBot(pr.author());
  }

  public boolean isIgnored(CommitFact commit) {
    return commit.author() != null
        && (isIgnoredBot(commit.author().login()) || isIgnoredBot(commit.author().email()));
  }

  public Optional<String> podOf(PullRequestFact pr) {
    if (isIgnored(pr)) {
      return Optional.empty();
    }
    Instant opened = pr.createdAt() != null ? pr.createdAt() : pr.mergedAt();
    return memberPod(pr.author(), opened).or(() -> members.podOwningRepo(pr.repo()));
  }

  public Optional<String> podOf(CommitFact commit) {
    if (isIgnored(commit) || commit.author() == null) {
      return Optional.empty();
    }
    Instant at = commit.committedAt() != null ? commit.committedAt() : commit.authoredAt();
    return memberPod(commit.author().login(), at)
        .or(() -> memberPod(commit.author().email(), at))
        .or(() -> members.podOwningRepo(commit.repo()));
  }

  private Optional<String> memberPod(String identity, Instant at) {
    if (identity == null || at == null) {
      return Optional.empty();
    }
    return identities.memberOf(identity).flatMap(member -> members.podOf(member, at));
  }
}
