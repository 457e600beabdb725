package io.podometer.connectors.simulate;

import java.util.List;

/** Word lists for people, pillars, pods and domain nouns; cycled with a numeric suffix at scale. */
final class Names {
  private Names() {}

  static final List<String> FIRST =
      List.of(
          "Ana", "Raj", "Sam", "Mei", "Lucas", "Amara", "Jonas", "Priya", "Diego", "Hana", "Omar",
          "Sofia", "Kwame", "Elena", "Tomas", "Yuki", "Noah", "Fatima", "Leo", "Ingrid", "Mateo",
          "Aisha", "Finn", "Chloe", "Ravi", "Zara", "Ivan", "Nia", "Emil", "Layla", "Hugo", "Mina",
          "Caleb", "Rosa", "Arjun", "Lena", "Kofi", "Clara", "Theo", "Nadia", "Felix", "Imani",
          "Oscar", "Vera", "Malik", "Julia", "Sven", "Amelia", "Tariq", "Beatriz", "Dmitri",
          "Keiko", "Pablo", "Greta", "Samir");

  static final List<String> LAST =
      List.of(
          "Lima",
          "Patel",
          "Ito",
          "Chen",
          "Okafor",
          "Muller",
          "Garcia",
          "Novak",
          "Haddad",
          "Kim",
          "Rossi",
          "Nguyen",
          "Mensah",
          "Silva",
          "Tanaka",
          "Johansson",
          "Ahmed",
          "Kowalski",
          "Dubois",
          "Santos",
          "Brennan",
          "Osei",
          "Larsen",
          "Moreau",
          "Yilmaz",
          "Fischer",
          "Costa",
          "Mwangi",
          "Petrov",
          "Lindqvist",
          "Bauer",
          "Reyes",
          "Kaur",
          "Sato",
          "Ferreira",
          "O'Neill",
          "Nakamura",
          "Abebe",
          "Horvat",
          "Jansen",
          "Park",
          "Rahman",
          "Castillo",
          "Eriksen",
          "Adeyemi",
          "Weber",
          "Moretti",
          "Singh",
          "Vargas");

  /** Pillar ids; {@link #PODS} holds, at the same index, the pods that belong in each. */
  static final List<String> PILLARS =
      List.of("commerce", "discovery", "platform", "customer", "logistics");

  static final List<List<String>> PODS =
      List.of(
          List.of(
              "checkout",
              "payments",
              "pricing",
              "catalog",
              "subscriptions",
              "tax",
              "billing",
              "ledger"),
          List.of(
              "search",
              "ranking",
              "recommendations",
              "content",
              "reviews",
              "ads",
              "localization",
              "experiments"),
          List.of(
              "identity",
              "developer-tools",
              "observability",
              "data-pipeline",
              "ml-platform",
              "edge",
              "storage",
              "compute"),
          List.of(
              "onboarding",
              "notifications",
              "messaging",
              "support-tools",
              "loyalty",
              "mobile-app",
              "web-app",
              "storefront"),
          List.of(
              "fulfillment",
              "inventory",
              "shipping",
              "returns",
              "marketplace",
              "partner-api",
              "fraud",
              "analytics"));

  static final List<String> NOUNS =
      List.of(
          "cart",
          "order",
          "session",
          "token",
          "index",
          "query",
          "invoice",
          "refund",
          "address",
          "price",
          "coupon",
          "profile",
          "feed",
          "event",
          "webhook",
          "cache",
          "schema",
          "report",
          "export",
          "rate-limit",
          "retry",
          "quota",
          "audit-log",
          "settings",
          "banner",
          "job");

  static final List<String> VERBS =
      List.of(
          "Add",
          "Fix",
          "Refactor",
          "Update",
          "Remove",
          "Improve",
          "Extract",
          "Handle",
          "Cache",
          "Validate",
          "Simplify",
          "Speed up");

  static final List<String> OBJECTS =
      List.of(
          "%s lookup",
          "%s pagination",
          "null %s in responses",
          "%s retries",
          "%s validation",
          "%s metrics",
          "timeouts around %s",
          "%s serialization",
          "%s feature flag",
          "%s error messages",
          "flaky %s test",
          "%s migration",
          "%s endpoint",
          "%s batching");

  static String capitalized(String id) {
    StringBuilder b = new StringBuilder();
    for (String part : id.split("-")) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return b.toString();
  }

  /** {@code base}, then {@code base-2}, {@code base-3} … on later cycles. */
  static String cycled(String base, int cycle) {
    return cycle == 0 ? base : base + "-" + (cycle + 1);
  }

  static String asciiLower(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c >= 'A' && c <= 'Z') {
        b.append((char) (c + 32));
      } else if (c >= 'a' && c <= 'z') {
        b.append(c);
      }
    }
    return b.toString();
  }
}
