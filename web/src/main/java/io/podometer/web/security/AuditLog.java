package io.podometer.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Who did what: admin actions (users, tokens, organization model, erasures, recomputes) and each
 * use of an API token. Entries name tokens by their public id, never by their secret.
 */
@ApplicationScoped
public class AuditLog {

  private static final Logger LOG = Logger.getLogger("io.podometer.audit");

  @Inject Clock clock;

  /** Records within the caller's transaction, so an action rolled back leaves no entry. */
  @Transactional
  public void record(String actor, String action, String target, String detail) {
    AuditEntryEntity entry = new AuditEntryEntity();
    entry.at = clock.instant();
    entry.actor = clip(actor, 200);
    entry.action = clip(action, 60);
    entry.target = clip(target, 700);
    entry.detail = clip(detail, 2000);
    entry.persist();
    // token use is as frequent as ingestion: in the table, not on the console
    LOG.logf(
        action.equals("token.use") ? org.jboss.logging.Logger.Level.DEBUG : Logger.Level.INFO,
        "audit: %s %s %s",
        entry.actor,
        entry.action,
        entry.target == null ? "" : entry.target);
  }

  @Transactional
  public List<AuditEntryEntity> latest(int limit) {
    return AuditEntryEntity.find("order by at desc, id desc").page(0, limit).list();
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
