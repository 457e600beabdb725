package io.podometer.engine.org;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers where people and code belong in an organization model: which pod a member was in on a
 * day, which service and pod own a repository (which member an identity is: {@code
 * io.podometer.engine.identity.IdentityDirectory}). Immutable and thread-safe; lookups of unknown
 * or null ids answer empty (or false), never throw.
 */
public final class MemberDirectory {

  private final OrgModel model;
  private final Map<String, Member> membersById = new HashMap<>();
  private final Map<String, Service> serviceByRepo = new HashMap<>();
  private final Map<String, Service> servicesById = new HashMap<>();

  public MemberDirectory(OrgModel model) {
    this.model = model;
    for (Member member : model.members()) {
      membersById.put(member.id(), member);
    }
    for (Service service : model.services()) {
      servicesById.put(service.id(), service);
      service.repos().forEach(repo -> serviceByRepo.put(lower(repo), service));
    }
  }

  public OrgModel model() {
    return model;
  }

  public ZoneId timeZone() {
    return model.org().timeZone();
  }

  public Optional<Member> member(String memberId) {
    return Optional.ofNullable(memberId == null ? null : membersById.get(memberId));
  }

  /** The member's pod at an instant, taking the day in the organization's time zone. */
  public Optional<String> podOf(String memberId, Instant at) {
    return at == null ? Optional.empty() : podOf(memberId, LocalDate.ofInstant(at, timeZone()));
  }

  /** The member's pod on a day ({@code from} inclusive, {@code until} exclusive). */
  public Optional<String> podOf(String memberId, LocalDate day) {
    Member member = day == null || memberId == null ? null : membersById.get(memberId);
    if (member == null) {
      return Optional.empty();
    }
    // asked for most items of a computation: a loop, not a stream per call
    for (Membership membership : member.memberships()) {
      if (membership.covers(day)) {
        return Optional.of(membership.pod());
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the member's level is at or under the organization's {@code juniorLevelAtMost}; a
   * member without a level (or unknown) is not a junior.
   */
  public boolean isJunior(String memberId) {
    int atMost = model.org().juniorLevelNumber();
    return member(memberId)
        .map(
            member -> member.levelNumber().isPresent() && member.levelNumber().getAsInt() <= atMost)
        .orElse(false);
  }

  /**
   * The members who were in the pod on at least one day of {@code [from, untilExclusive)}, in the
   * order of the model.
   */
  public Set<String> membersOfPod(String podId, LocalDate from, LocalDate untilExclusive) {
    Set<String> members = new LinkedHashSet<>();
    for (Member member : model.members()) {
      boolean inPod =
          member.memberships().stream()
              .anyMatch(m -> m.pod().equals(podId) && m.overlaps(from, untilExclusive));
      if (inPod) {
        members.add(member.id());
      }
    }
    return Collections.unmodifiableSet(members);
  }

  /**
   * The service a repository ({@code owner/name}, case-insensitive) belongs to; a repository no
   * service claims is a service of its own, whose id is the repository as given.
   */
  public String serviceForRepo(String repo) {
    Service service = repo == null ? null : serviceByRepo.get(lower(repo));
    return service != null ? service.id() : repo;
  }

  /** The pod owning the repository's service; empty for a repository no service claims. */
  public Optional<String> podOwningRepo(String repo) {
    return Optional.ofNullable(repo == null ? null : serviceByRepo.get(lower(repo)))
        .map(Service::pod);
  }

  /** The pod owning a configured service; empty for a default (per-repository) service. */
  public Optional<String> podOfService(String serviceId) {
    return Optional.ofNullable(serviceId == null ? null : servicesById.get(serviceId))
        .map(Service::pod);
  }

  private static String lower(String repo) {
    return repo.strip().toLowerCase(java.util.Locale.ROOT);
  }
}
