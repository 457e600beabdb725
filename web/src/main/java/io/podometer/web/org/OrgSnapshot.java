package io.podometer.web.org;

import io.podometer.engine.identity.IdentityDirectory;
import io.podometer.engine.org.MemberDirectory;
import io.podometer.engine.org.OrgModel;
import java.util.List;

/**
 * One version of the organization model with the lookups built from it (once per version): where
 * members, services and repositories belong, and what every identity is. Immutable.
 */
public record OrgSnapshot(
    long version,
    String origin,
    OrgModel model,
    List<String> warnings,
    MemberDirectory members,
    IdentityDirectory identities) {

  public OrgSnapshot(long version, String origin, OrgModel model, List<String> warnings) {
    this(
        version,
        origin,
        model,
        List.copyOf(warnings),
        new MemberDirectory(model),
        new IdentityDirectory(model));
  }
}
