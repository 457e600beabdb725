package io.podometer.connectors.simulate;

import java.util.List;

/** The bets a demo organization places, each with the signal that would change its STO's mind. */
final class BetCatalog {
  private BetCatalog() {}

  /**
   * {@code healthy}: where the bet's signal sits while the hypothesis holds; a drifting bet slides
   * from there past {@code threshold}.
   */
  record Entry(
      String id,
      String title,
      String hypothesis,
      boolean onMetric,
      String signal,
      String comparator,
      double threshold,
      int windowWeeks,
      double healthy) {}

  static final List<Entry> ENTRIES =
      List.of(
          new Entry(
              "one-click",
              "One-click checkout",
              "Returning buyers convert better without the address step",
              false,
              "conversion_rate",
              "<",
              0.02,
              4,
              0.031),
          new Entry(
              "instant-payouts",
              "Instant seller payouts",
              "Sellers list more items when they are paid the same day",
              false,
              "listings_per_seller",
              "<",
              4.0,
              4,
              5.6),
          new Entry(
              "fraud-shield",
              "Device-fingerprint fraud shield",
              "Device fingerprints cut chargebacks without hurting conversion",
              false,
              "chargeback_rate",
              ">",
              0.004,
              4,
              0.0025),
          new Entry(
              "smart-search",
              "Typo-tolerant search",
              "Fuzzy matching halves zero-result searches",
              false,
              "zero_result_rate",
              ">",
              0.08,
              3,
              0.055),
          new Entry(
              "push-digest",
              "Daily push digest",
              "One daily digest keeps more users than many single pushes",
              false,
              "d7_retention",
              "<",
              0.2,
              4,
              0.23),
          new Entry(
              "faster-builds",
              "Remote build cache",
              "A shared build cache halves CI time and with it lead time",
              true,
              "lead_time_p50_hours",
              ">",
              48,
              4,
              30),
          new Entry(
              "dynamic-pricing",
              "Demand-based pricing",
              "Demand-based prices raise margin without losing orders",
              false,
              "margin_pct",
              "<",
              0.18,
              4,
              0.22),
          new Entry(
              "same-day-delivery",
              "Same-day delivery in metro areas",
              "Same-day slots lift basket size where we can offer them",
              false,
              "basket_size_eur",
              "<",
              42,
              4,
              49),
          new Entry(
              "loyalty-tiers",
              "Visible loyalty tiers",
              "Visible tiers raise 90-day repeat purchases",
              false,
              "repeat_rate_90d",
              "<",
              0.25,
              6,
              0.29),
          new Entry(
              "ai-support",
              "AI support triage",
              "Automatic triage answers a third of tickets without an agent",
              false,
              "auto_resolution_rate",
              "<",
              0.33,
              4,
              0.38),
          new Entry(
              "self-serve-refunds",
              "Self-serve refunds",
              "Customers settle most refunds without contacting support",
              false,
              "refund_contact_rate",
              ">",
              0.3,
              4,
              0.21),
          new Entry(
              "golden-paths",
              "Golden paths for new services",
              "Service templates get a new service to production within a day",
              true,
              "deployment_frequency",
              "<",
              5,
              4,
              7));
}
