package io.podometer.web;

import io.podometer.web.org.OrgService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Empties the store between tests, so each test sees only the data it wrote. */
@ApplicationScoped
public class TestDatabase {

  @Inject EntityManager entityManager;
  @Inject OrgService orgService;
  @Inject io.podometer.web.figures.FigureService figures;
  @Inject io.podometer.web.store.FactKeyIndex factIndex;
  @Inject io.podometer.web.source.GitHubSources gitHubSources;

  @Transactional
  public void reset() {
    entityManager.createQuery("delete from RawEventEntity").executeUpdate();
    entityManager.createQuery("delete from FactEntity").executeUpdate();
    entityManager.createQuery("delete from OrgVersionEntity").executeUpdate();
    entityManager.createNativeQuery("delete from raw_payload").executeUpdate();
    entityManager.createNativeQuery("delete from source_checkpoint").executeUpdate();
    entityManager.createNativeQuery("delete from source").executeUpdate();
    entityManager.createNativeQuery("delete from csv_import").executeUpdate();
    entityManager.createNativeQuery("delete from antipattern_flag_change").executeUpdate();
    entityManager.createNativeQuery("delete from antipattern_flag").executeUpdate();
    entityManager.createNativeQuery("delete from bet_status_change").executeUpdate();
    entityManager.createNativeQuery("delete from bet_kill_decision").executeUpdate();
    entityManager.createNativeQuery("delete from weekly_report").executeUpdate();
    gitHubSources.forgetSecrets();
    factIndex.invalidate();
    orgService.reloadLatest();
  }

  /** Empties the store and the figures (which are recomputed from nothing). */
  public void resetAll() {
    reset();
    figures.reloadFromStore("test reset");
  }

  /** Waits until every committed event has reached the figures. */
  public void awaitFigures() {
    if (!figures.awaitCurrent(java.time.Duration.ofSeconds(10))) {
      throw new AssertionError("figures did not catch up within 10 s");
    }
  }

  /** Runs one SQL statement (a test breaking the store on purpose, and mending it). */
  @Transactional
  public void execute(String sql) {
    entityManager.createNativeQuery(sql).executeUpdate();
  }

  /** Raw events whose payload mentions the text (case-insensitive). */
  @Transactional
  public long rawEventsMentioning(String text) {
    return mentioning("RawEventEntity", "payload", text);
  }

  /** Stored versions of the organization model that mention the text (case-insensitive). */
  @Transactional
  public long orgVersionsMentioning(String text) {
    return mentioning("OrgVersionEntity", "content", text);
  }

  private long mentioning(String entity, String column, String text) {
    return entityManager
        .createQuery(
            "select count(e) from " + entity + " e where lower(e." + column + ") like :text",
            Long.class)
        .setParameter("text", "%" + text.toLowerCase(java.util.Locale.ROOT) + "%")
        .getSingleResult();
  }

  /** Kept source payloads whose body mentions the text (case-insensitive). */
  @Transactional
  public long sourcePayloadsMentioning(String text) {
    return ((Number)
            entityManager
                .createNativeQuery("select count(*) from raw_payload where lower(body) like ?1")
                .setParameter(1, "%" + text.toLowerCase(java.util.Locale.ROOT) + "%")
                .getSingleResult())
        .longValue();
  }

  @Transactional
  public long count(String entity) {
    return entityManager
        .createQuery("select count(e) from " + entity + " e", Long.class)
        .getSingleResult();
  }
}
