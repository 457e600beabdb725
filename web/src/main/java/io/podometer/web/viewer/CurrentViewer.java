package io.podometer.web.viewer;

import io.podometer.web.org.OrgService;
import io.podometer.web.security.PodometerIdentities;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.security.Principal;
import java.time.Clock;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The viewer of the current request, from its identity and the organization model in force. */
@RequestScoped
public class CurrentViewer {

  @Inject SecurityIdentity identity;
  @Inject OrgService orgService;
  @Inject Clock clock;

  private Viewer viewer;

  public Viewer get() {
    if (viewer == null) {
      viewer = compute();
    }
    return viewer;
  }

  private Viewer compute() {
    return Viewer.of(
        identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName(),
        identity.getRoles(),
        email(identity),
        orgService.current(),
        clock.instant());
  }

  /** A local user's e-mail, or the {@code email} claim of an OIDC token. */
  static String email(SecurityIdentity identity) {
    String email = identity.getAttribute(PodometerIdentities.EMAIL);
    if (email != null) {
      return email;
    }
    Principal principal = identity.getPrincipal();
    if (principal instanceof JsonWebToken token) {
      // an address the provider says it has not verified proves nothing
      Object verified = token.getClaim("email_verified");
      if (verified != null && !Boolean.parseBoolean(verified.toString())) {
        return null;
      }
      Object claim = token.getClaim("email");
      return claim == null ? null : claim.toString();
    }
    return null;
  }
}
