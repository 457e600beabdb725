package io.podometer.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random hostile events for the fuzz test: events at the very edges of the contract's limits (that
 * must be accepted and must not break anything later), and malformed ones (that must be refused
 * with a 4xx): extreme numbers, dates, lengths, encodings and nesting. Seeded: the same seed gives
 * the same events.
 */
final class HostileEvents {

  static final String[] MEMBERS = {"ana", "bo", "cy", "dee", "eli"};

  private final Random random;
  private final Instant now;
  private int serial;

  HostileEvents(long seed, Instant now) {
    this.random = new Random(seed);
    this.now = now;
  }

  /** An event the contract allows, with values at its edges. */
  String extremeButValid() {
    int kind = random.nextInt(7);
    String id = "fuzz-" + serial++ + "-" + pick("a", "ü", "İ", "😀", "x".repeat(150));
    String at = moment();
    String repo = repo();
    return switch (kind) {
      case 0 ->
          envelope(
              id,
              "pr.opened",
              at,
              repo,
              "{\"number\":"
                  + number()
                  + ",\"title\":"
                  + quoted(text(1000))
                  + ",\"author\":"
                  + quoted(pick(MEMBERS))
                  + ",\"createdAt\":\""
                  + at
                  + "\",\"labels\":["
                  + quoted(text(256))
                  + "],\"body\":"
                  + quoted(text(20_000))
                  + "}");
      case 1 ->
          envelope(
              id,
              "pr.merged",
              at,
              repo,
              "{\"number\":"
                  + number()
                  + ",\"author\":"
                  + quoted(pick(MEMBERS))
                  + ",\"mergedAt\":\""
                  + at
                  + "\",\"mergeCommitSha\":"
                  + quoted(text(40))
                  + ",\"additions\":"
                  + count()
                  + ",\"deletions\":"
                  + count()
                  + "}");
      case 2 ->
          envelope(
              id,
              "deployment.finished",
              at,
              null,
              "{\"deploymentId\":"
                  + quoted(text(100))
                  + ",\"service\":"
                  + quoted(text(100))
                  + ",\"environment\":\"production\",\"status\":"
                  + quoted(pick("success", "failure"))
                  + ",\"finishedAt\":\""
                  + at
                  + "\",\"rollbackOf\":"
                  + quoted(text(50))
                  + "}");
      case 3 ->
          envelope(
              id,
              "meeting.summary",
              at,
              null,
              "{\"member\":"
                  + quoted(pick(MEMBERS))
                  + ",\"week\":\""
                  + week(recent())
                  + "\",\"hours\":"
                  + pick("0", "168", "167.99999999", "0.000001", "1e-300")
                  + "}");
      case 4 ->
          envelope(
              id,
              "agent.usage",
              at,
              null,
              "{\"tool\":"
                  + quoted(text(100))
                  + ",\"user\":"
                  + quoted(pick(MEMBERS))
                  + ",\"day\":\""
                  + at.substring(0, 10)
                  + "\",\"active\":true,\"tokens\":"
                  + pick("0", "9223372036854775807", "1")
                  + ",\"costUsd\":"
                  + pick("0", "1000000", "0.01")
                  + ",\"activeSeconds\":"
                  + pick("0", "8640000")
                  + ",\"linesAdded\":"
                  + count()
                  + ",\"sessions\":"
                  + count()
                  + "}");
      case 5 ->
          envelope(
              id,
              "incident.opened",
              at,
              null,
              "{\"incidentId\":"
                  + quoted(text(100))
                  + ",\"service\":"
                  + quoted(text(100))
                  + ",\"at\":\""
                  + at
                  + "\",\"causedByDeploymentId\":"
                  + quoted(text(200))
                  + "}");
      default ->
          envelope(
              id,
              "commit",
              at,
              repo,
              "{\"sha\":"
                  + quoted(text(64))
                  + ",\"author\":{\"name\":"
                  + quoted(text(256))
                  + ",\"email\":"
                  + quoted(pick(MEMBERS) + "@acme.example")
                  + "},\"authoredAt\":\""
                  + at
                  + "\",\"committedAt\":\""
                  + at
                  + "\",\"message\":"
                  + quoted(text(50_000))
                  + ",\"files\":[{\"path\":"
                  + quoted(text(1000))
                  + ",\"additions\":"
                  + count()
                  + ",\"deletions\":"
                  + count()
                  + "}]}");
    };
  }

  /** Something the contract refuses: out of range, malformed, oversized, mistyped. */
  byte[] malformed() {
    String valid = extremeButValid();
    String bad =
        switch (random.nextInt(16)) {
          case 0 ->
              valid.replaceFirst(
                  "\"occurredAt\":\"[^\"]*\"", "\"occurredAt\":\"+10000-01-01T00:00:00Z\"");
          case 1 ->
              valid.replaceFirst(
                  "\"occurredAt\":\"[^\"]*\"", "\"occurredAt\":\"1969-12-31T23:59:59Z\"");
          case 2 ->
              valid.replaceFirst(
                  "\"occurredAt\":\"[^\"]*\"", "\"occurredAt\":\"2026-02-30T00:00:00Z\"");
          case 3 -> valid.replaceFirst("\"schema\":1", "\"schema\":1e308");
          case 4 -> valid.replaceFirst("\"id\":\"", "\"id\":\"" + "i".repeat(300));
          case 5 -> valid.replace("\"type\":\"", "\"type\":\"x.");
          case 6 -> valid + " garbage";
          case 7 -> valid + valid;
          case 8 -> valid.replaceFirst("\\{", "{\"id\":\"dup\",");
          case 9 -> "[".repeat(5000) + "]".repeat(5000);
          case 10 -> valid.substring(0, valid.length() / 2);
          case 11 ->
              envelope(
                  "m-" + serial++,
                  "pr.merged",
                  moment(),
                  "acme/fuzz",
                  "{\"number\":1,\"author\":\"ana\",\"mergedAt\":\""
                      + moment()
                      + "\",\"mergeCommitSha\":\"abc\",\"additions\":"
                      + pick("-1", "1e308", "2147483648", "1.5", "\"7\"")
                      + ",\"deletions\":0}");
          case 12 -> valid.replace("\"source\":\"fuzz\"", "\"source\":\"a\\u0000b\"");
          case 13 -> valid.replaceFirst("\"data\":\\{.*\\}\\}$", "\"data\":\"not an object\"}");
          case 14 ->
              "{\"id\":\"h-"
                  + serial++
                  + "\",\"type\":\"meeting.summary\",\"source\":\"csv\","
                  + "\"occurredAt\":\""
                  + moment()
                  + "\",\"schema\":1,\"data\":{\"member\":\"ana\","
                  + "\"week\":\"2026-W10\",\"hours\":"
                  + pick("1.7e308", "-1", "169", "NaN", "\"10\"")
                  + "}}";
          default -> null;
        };
    if (bad == null) {
      // not UTF-8: a lone continuation byte inside a string
      byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
      int quote = valid.indexOf("\"source\":\"") + 10;
      bytes[quote] = (byte) 0x80;
      return bytes;
    }
    return bad.getBytes(StandardCharsets.UTF_8);
  }

  private static String envelope(String id, String type, String at, String repo, String data) {
    return "{\"id\":"
        + quoted(id)
        + ",\"type\":\""
        + type
        + "\",\"source\":\"fuzz\",\"occurredAt\":\""
        + at
        + "\",\"schema\":1"
        + (repo == null ? "" : ",\"repo\":" + quoted(repo))
        + ",\"data\":"
        + data
        + "}";
  }

  /** From the first moment allowed to the horizon (1 day after now). */
  private String moment() {
    Instant at =
        switch (random.nextInt(5)) {
          case 0 -> Instant.EPOCH.plusSeconds(random.nextInt(1000));
          case 1 -> now.plus(23, ChronoUnit.HOURS);
          default -> now.minus(random.nextInt(200), ChronoUnit.DAYS);
        };
    return at.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** A moment of the last 200 days (a week of it is always after 1970's first). */
  private String recent() {
    return now.minus(random.nextInt(200), ChronoUnit.DAYS)
        .truncatedTo(ChronoUnit.SECONDS)
        .toString();
  }

  private static String week(String at) {
    java.time.LocalDate day = java.time.LocalDate.parse(at.substring(0, 10));
    return String.format(
        "%d-W%02d",
        day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
        day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private String repo() {
    return pick("acme/fuzz", "acme/" + "r".repeat(290), "ÄCME/ünï", "a/b");
  }

  private String number() {
    return pick("1", "2147483647", "0", Integer.toString(random.nextInt(1000)));
  }

  private String count() {
    return pick("0", "2147483647", Integer.toString(random.nextInt(100_000)));
  }

  /** Text of up to {@code max} characters: controls, quotes, emoji, right-to-left, combining. */
  private String text(int max) {
    int length = random.nextInt(3) == 0 ? max : 1 + random.nextInt(Math.min(max, 64));
    StringBuilder text = new StringBuilder();
    String[] pieces = {
      "a", "\"", "\\", "\n", "\t", "\u0001", "😀", "\u202e", "e\u0301", "İ", "<", "/"
    };
    while (text.length() < length) {
      String piece = pieces[random.nextInt(pieces.length)];
      if (text.length() + piece.length() > length) {
        piece = "a";
      }
      text.append(piece);
    }
    return text.toString();
  }

  private String pick(String... choices) {
    return choices[random.nextInt(choices.length)];
  }

  /** A JSON string literal. */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Many events in one NDJSON body. */
  static String ndjson(List<String> events) {
    return String.join("\n", events) + "\n";
  }

  List<String> extremeButValid(int count) {
    List<String> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(extremeButValid());
    }
    return events;
  }
}
