package io.podometer.web.org;

import io.podometer.engine.org.AgentDirectory;
import io.podometer.engine.org.MemberDirectory;
import io.podometer.engine.org.OrgModel;
import java.util.List;

/** One version of the organization model with the lookups built from it. Immutable. */
public record OrgSnapshot(
    long version,
    String origin,
    OrgModel model,
    List<String> warnings,
    MemberDirectory members,
    AgentDirectory agents) {

  public OrgSnapshot(long version, String origin, OrgModel model, List<String> warnings) {
    this(
        version,
        origin,
        model,
        List.copyOf(warnings),
        new MemberDirectory(model),
        new AgentDirectory(model.org()));
  }
}
