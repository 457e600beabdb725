package io.podometer.connectors.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryingTest {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private final List<Duration> waits = new ArrayList<>();
  private final SourceProgress progress = new SourceProgress();
  private final Retrying retrying =
      new Retrying(Clock.fixed(NOW, ZoneOffset.UTC), waits::add, progress);

  @Test
  void aRetriableErrorWaitsLongerEachTimeThenSucceeds() throws InterruptedException {
    progress.started(NOW);
    AtomicInteger calls = new AtomicInteger();
    String answer =
        retrying.call(
            "page 2",
            () -> {
              if (calls.incrementAndGet() <= 3) {
                throw SourceError.Retriable.of("502 Bad Gateway", null);
              }
              return "ok";
            });
    assertEquals("ok", answer);
    // 1 s, 2 s, 4 s after the first, second and third failure
    assertEquals(
        List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), waits);
    // waiting while it retried, running again once answered
    assertEquals(SourceProgress.State.RUNNING, progress.snapshot(NOW).state());
    assertEquals("page 2: 502 Bad Gateway", progress.snapshot(NOW).lastError());
  }

  @Test
  void aRateLimitWaitsUntilTheTimeTheSourceGaveHoweverOften() throws InterruptedException {
    AtomicInteger calls = new AtomicInteger();
    Instant reset = NOW.plusSeconds(600);
    String answer =
        retrying.call(
            "pulls",
            () -> {
              if (calls.incrementAndGet() <= Retrying.ATTEMPTS + 2) {
                throw SourceError.Retriable.rateLimited("x-ratelimit-remaining: 0", reset);
              }
              return "ok";
            });
    assertEquals("ok", answer);
    // rate limits are not failures: more waits than attempts, each until the reset
    assertEquals(Retrying.ATTEMPTS + 2, waits.size());
    waits.forEach(wait -> assertEquals(Duration.ofSeconds(600), wait));
  }

  @Test
  void aSourceThatSaysWhenToComeBackIsBelieved() throws InterruptedException {
    AtomicInteger calls = new AtomicInteger();
    retrying.call(
        "runs",
        () -> {
          if (calls.incrementAndGet() == 1) {
            throw new SourceError.Retriable("503", NOW.plusSeconds(30), false, null);
          }
          return 1;
        });
    assertEquals(List.of(Duration.ofSeconds(30)), waits);
  }

  @Test
  void retriableErrorsGiveUpAfterTheAttemptsAndFatalOnesAtOnce() {
    SourceError.Retriable down = SourceError.Retriable.of("connection refused", null);
    assertSame(
        down,
        assertThrows(
            SourceError.Retriable.class,
            () ->
                retrying.call(
                    "pulls",
                    () -> {
                      throw down;
                    })));
    assertEquals(Retrying.ATTEMPTS - 1, waits.size());
    waits.clear();
    SourceError.Fatal gone = new SourceError.Fatal("404: repository acme/gone not found");
    assertSame(
        gone,
        assertThrows(
            SourceError.Fatal.class,
            () ->
                retrying.call(
                    "pulls",
                    () -> {
                      throw gone;
                    })));
    assertEquals(List.of(), waits);
  }

  @Test
  void backoffIsCapped() {
    assertEquals(Duration.ofSeconds(64), Retrying.backoff(7));
    assertEquals(Retrying.MAX_DELAY, Retrying.backoff(8));
    assertEquals(Retrying.MAX_DELAY, Retrying.backoff(40));
  }
}
