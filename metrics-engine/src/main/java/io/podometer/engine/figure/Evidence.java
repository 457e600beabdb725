package io.podometer.engine.figure;

import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Why an item counts in a figure: the fact behind it ({@code ref}, e.g. {@code pr:acme/shop#41},
 * {@code deploy:7731}) and the rule that tied it in, in words. The words of the most frequent items
 * are put together only when read ({@link #lazily}): a full recomputation pools millions of items
 * and reads none of their words, only drill-downs do.
 */
public final class Evidence {

  /**
   * Kinds of fact about work rather than a person: the only items a drill-down lists one by one.
   */
  private static final Set<String> ABOUT_WORK =
      Set.of("pr", "commit", "deploy", "incident", "service");

  private final String ref;
  // the words, or what puts them together until they are read
  private Object rule;

  public Evidence(String ref, String rule) {
    this.ref = ref;
    this.rule = rule;
  }

  private Evidence(String ref, Supplier<String> rule) {
    this.ref = ref;
    this.rule = rule;
  }

  /**
   * Evidence whose words are put together when first read. {@code rule} must read only values that
   * do not change afterwards (instants, strings, numbers, immutable facts), and nothing large that
   * it would keep alive with the item.
   */
  public static Evidence lazily(String ref, Supplier<String> rule) {
    return new Evidence(ref, rule);
  }

  public String ref() {
    return ref;
  }

  @SuppressWarnings("unchecked")
  public String rule() {
    Object words = rule;
    if (words instanceof Supplier<?> make) {
      words = ((Supplier<String>) make).get();
      rule = words; // another thread may put them together again: the same words
    }
    return (String) words;
  }

  /**
   * Whether the item may be about one person: drill-downs sum such items into one line and never
   * list them one by one. Fails closed: only an item whose fact is of a kind known to be about work
   * (a pull request, a commit, a deployment, an incident, a service) is listed; any other — a
   * person's agent use, pulse answers, reviews given, meetings, activity, or a kind a new source
   * brings that nobody classified — is summed.
   */
  public boolean aboutAPerson() {
    int colon = ref.indexOf(':');
    return colon <= 0 || !ABOUT_WORK.contains(ref.substring(0, colon));
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof Evidence that
            && Objects.equals(ref, that.ref)
            && Objects.equals(rule(), that.rule());
  }

  @Override
  public int hashCode() {
    return Objects.hash(ref, rule());
  }

  @Override
  public String toString() {
    return "Evidence[ref=" + ref + ", rule=" + rule() + "]";
  }
}
