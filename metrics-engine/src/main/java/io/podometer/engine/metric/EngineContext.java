package io.podometer.engine.metric;

import io.podometer.engine.attribution.PullRequestAttributor;
import io.podometer.engine.identity.AgentDirectory;
import io.podometer.engine.identity.IdentityDirectory;
import io.podometer.engine.org.MemberDirectory;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.scope.ScopeResolver;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * What every metric family reads: the organization model and its lookups, the facts, the weeks to
 * compute ({@code from}..{@code to} inclusive) and the current instant. Immutable (what families
 * share is derived from it once, see {@link #shared}), thread-safe.
 */
public final class EngineContext {

  private final OrgModel org;
  private final MemberDirectory members;
  private final IdentityDirectory identities;
  private final FactSet facts;
  private final IsoWeek from;
  private final IsoWeek to;
  private final Instant now;
  private final PodAttribution pods;
  private final ScopeResolver scopes;
  private final PullRequestAttributor attributor;
  private final ConcurrentHashMap<Class<?>, Future<Object>> shared = new ConcurrentHashMap<>();

  public EngineContext(OrgModel org, FactSet facts, IsoWeek from, IsoWeek to, Instant now) {
    this(new OrgLookups(org), facts, from, to, now);
  }

  /**
   * A context reading the model through lookups shared with other computations under the same model
   * (what they decided once is not decided again).
   */
  public EngineContext(OrgLookups lookups, FactSet facts, IsoWeek from, IsoWeek to, Instant now) {
    this.org = lookups.org();
    this.members = lookups.members();
    this.identities = lookups.identities();
    this.facts = facts;
    this.from = from;
    this.to = to;
    this.now = now;
    this.pods = lookups.pods();
    this.scopes = lookups.scopes();
    this.attributor = lookups.attributor();
  }

  public OrgModel org() {
    return org;
  }

  public MemberDirectory members() {
    return members;
  }

  /** What every identity is: member, agent, ignored bot or unmapped. */
  public IdentityDirectory identities() {
    return identities;
  }

  /** The agent patterns, for the attribution rules reading trailers, footers and branches. */
  public AgentDirectory agents() {
    return identities.agents();
  }

  public FactSet facts() {
    return facts;
  }

  public IsoWeek from() {
    return from;
  }

  public IsoWeek to() {
    return to;
  }

  public Instant now() {
    return now;
  }

  public ZoneId zone() {
    return org.org().timeZone();
  }

  public PodAttribution pods() {
    return pods;
  }

  public ScopeResolver scopes() {
    return scopes;
  }

  public PullRequestAttributor attributor() {
    return attributor;
  }

  /**
   * What several families derive from the same facts (the counted pull requests, the people), built
   * by the first family that asks while the others wait for it.
   */
  public <T> T shared(Class<T> type, Function<EngineContext, T> build) {
    FutureTask<Object> task = new FutureTask<>(() -> build.apply(this));
    Future<Object> existing = shared.putIfAbsent(type, task);
    if (existing == null) {
      task.run();
      existing = task;
    }
    try {
      return type.cast(existing.get());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + type.getSimpleName(), e);
    }
  }

  /** The ISO week of an instant in the organization's time zone. */
  public IsoWeek weekOf(Instant instant) {
    return IsoWeek.of(instant, zone());
  }

  public boolean inRange(IsoWeek week) {
    return week.compareTo(from) >= 0 && week.compareTo(to) <= 0;
  }

  /** Whether the instant falls in a week being computed (null: no). */
  public boolean inRange(Instant instant) {
    return instant != null && inRange(weekOf(instant));
  }

  /** The member behind an identity (login, e-mail, telemetry id), or null. */
  public String memberOf(String identity) {
    return identities.memberOf(identity).orElse(null);
  }
}
