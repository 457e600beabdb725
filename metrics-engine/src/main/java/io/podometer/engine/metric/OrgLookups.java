package io.podometer.engine.metric;

import io.podometer.engine.attribution.PathGlobs;
import io.podometer.engine.attribution.PullRequestAttributor;
import io.podometer.engine.identity.IdentityDirectory;
import io.podometer.engine.org.MemberDirectory;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.scope.ScopeResolver;

/**
 * What computations look up in one organization model: members, identities, the pod a fact counts
 * for, the scopes and bets of a change, a commit's AI attribution. Each remembers what it decided
 * (an identity's member, a pull request's bets, a commit's attribution, checked against the very
 * fact it was decided for), so that computations that share these lookups — a server's updates and
 * full recomputations under one model — decide each of them once. Thread-safe.
 */
public final class OrgLookups {

  private final OrgModel org;
  private final MemberDirectory members;
  private final IdentityDirectory identities;
  private final PodAttribution pods;
  private final ScopeResolver scopes;
  private final PullRequestAttributor attributor;

  public OrgLookups(OrgModel org) {
    this.org = org;
    this.members = new MemberDirectory(org);
    this.identities = new IdentityDirectory(org);
    this.pods = new PodAttribution(members, identities);
    this.scopes = new ScopeResolver(org, members);
    this.attributor =
        new PullRequestAttributor(
            identities.agents(),
            new PathGlobs(org.org().excludedPaths()),
            org.org().declaredAiLabels());
  }

  public OrgModel org() {
    return org;
  }

  MemberDirectory members() {
    return members;
  }

  IdentityDirectory identities() {
    return identities;
  }

  PodAttribution pods() {
    return pods;
  }

  ScopeResolver scopes() {
    return scopes;
  }

  PullRequestAttributor attributor() {
    return attributor;
  }
}
