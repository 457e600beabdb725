package io.podometer.engine.event;

/**
 * The limits of the event contract, declared once: what validation enforces before anything is
 * stored, chosen so that every accepted value fits the store's columns and every figure built from
 * it (a service's or repository's scope, a natural key) and no sum of accepted numbers overflows.
 * docs/EVENTS.md lists them.
 */
public final class EventLimits {

  /** An event's id (the store's {@code event_id} column). */
  public static final int ID = 200;

  /** An event's {@code source} (the store's {@code source} column). */
  public static final int SOURCE = 100;

  /** An event's {@code repo}, {@code owner/name} (the store's {@code repo} columns). */
  public static final int REPO = 300;

  /**
   * Any other name, id, sha, login, e-mail (254 at most), label or environment: short enough that a
   * scope named after it fits the figures' {@code scope} column (600) and a natural key made of a
   * few of them fits {@code fact_key} (700), which {@link #KEY} checks.
   */
  public static final int NAME = 256;

  /** A title (GitHub allows 256 characters). */
  public static final int TITLE = 1_000;

  /** A file path or a branch name. */
  public static final int PATH = 1_000;

  /** Free text: a pull request's body, a commit message, a trailer's value, a bet learning. */
  public static final int TEXT = 100_000;

  /** Items in one array (labels, parents, files, trailers, PR numbers). */
  public static final int ITEMS = 10_000;

  /** A fact's natural key (the store's {@code fact_key} column). */
  public static final int KEY = 700;

  /** Meeting hours of one member in one week. */
  public static final double HOURS_PER_WEEK = 168;

  /** Agent cost of one user and tool in one day, in US dollars. */
  public static final double COST_USD_PER_DAY = 1_000_000;

  /** Active agent time of one user and tool in one day: parallel sessions of a day, 100 days. */
  public static final double ACTIVE_SECONDS_PER_DAY = 8_640_000;

  /** A bet signal's value, either sign. */
  public static final double SIGNAL_VALUE = 1e12;

  private EventLimits() {}
}
