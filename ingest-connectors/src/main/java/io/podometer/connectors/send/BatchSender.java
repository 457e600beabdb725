package io.podometer.connectors.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams NDJSON to the ingestion API: lines are cut into batches as they are read (the input is
 * never held whole), up to {@code parallel} requests are in flight, a batch that meets a network
 * error or a 5xx/429 answer is sent again after a growing pause, and a refused batch (4xx) stops
 * the send once the requests in flight have come back. Receipts are added up.
 */
public final class BatchSender {

  /** Told after each stored batch: events stored in all so far, and the input bytes behind them. */
  public interface Listener {
    void stored(long events, long bytes);
  }

  private static final long FIRST_PAUSE_MILLIS = 500;
  private static final long LONGEST_PAUSE_MILLIS = 30_000;

  private final SendSettings settings;
  private final String token;
  private final PrintStream out;
  private final PrintStream err;
  private final Progress progress;
  private final Listener listener;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final Semaphore slots;
  private final ScheduledExecutorService pauses =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "send-retries");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong revisions = new AtomicLong();
  private final AtomicLong storedBytes = new AtomicLong();
  private final AtomicReference<String> failure = new AtomicReference<>();

  BatchSender(SendSettings settings, String token, PrintStream out, PrintStream err, Progress p) {
    this(settings, token, out, err, p, (events, bytes) -> {});
  }

  /**
   * A sender that reports on {@code out} (the totals) and {@code err} (retries, refusals), and
   * tells {@code listener} after each stored batch.
   */
  public BatchSender(
      SendSettings settings, String token, PrintStream out, PrintStream err, Listener listener) {
    this(settings, token, out, err, new Progress(err, false, -1), listener);
  }

  private BatchSender(
      SendSettings settings,
      String token,
      PrintStream out,
      PrintStream err,
      Progress p,
      Listener listener) {
    this.settings = settings;
    this.token = token;
    this.out = out;
    this.err = err;
    this.progress = p;
    this.listener = listener;
    this.slots = new Semaphore(settings.parallel());
  }

  /** One request's worth of lines. */
  private record Batch(String body, long firstLine, long lastLine, long bytes) {}

  /**
   * Sends every line; 0 when every batch was stored, 1 when one was refused or never got through.
   */
  public int send(BufferedReader lines) throws IOException {
    long started = System.nanoTime();
    StringBuilder body = new StringBuilder();
    int count = 0;
    long first = 1;
    long line = 0;
    long bytes = 0;
    String text;
    while (failure.get() == null && (text = lines.readLine()) != null) {
      line++;
      bytes += text.getBytes(StandardCharsets.UTF_8).length + 1;
      if (text.isBlank()) {
        continue;
      }
      body.append(text).append('\n');
      if (++count == settings.batch()) {
        submit(new Batch(body.toString(), first, line, bytes));
        body.setLength(0);
        count = 0;
        bytes = 0;
        first = line + 1;
      }
    }
    if (count > 0 && failure.get() == null) {
      submit(new Batch(body.toString(), first, line, bytes));
    }
    slots.acquireUninterruptibly(settings.parallel());
    pauses.shutdownNow();
    progress.finish();
    if (failure.get() != null) {
      err.println("send: " + failure.get());
      return 1;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf(
        Locale.ROOT,
        "sent: %d accepted, %d duplicates, %d revisions in %s (%,.0f events/s)%n",
        accepted.get(),
        duplicates.get(),
        revisions.get(),
        Progress.clock(Math.round(seconds)),
        (accepted.get() + duplicates.get()) / Math.max(seconds, 1e-3));
    return 0;
  }

  private void submit(Batch batch) {
    slots.acquireUninterruptibly();
    if (failure.get() != null) {
      slots.release(); // a batch in flight was refused meanwhile: this one is not sent
      return;
    }
    attempt(batch, 0);
  }

  private void attempt(Batch batch, int retry) {
    HttpRequest request =
        HttpRequest.newBuilder(settings.endpoint())
            .timeout(Duration.ofMinutes(5))
            .header("Content-Type", "application/x-ndjson")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(batch.body(), StandardCharsets.UTF_8))
            .build();
    http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .whenComplete((response, error) -> answered(batch, retry, response, error));
  }

  private void answered(Batch batch, int retry, HttpResponse<String> response, Throwable error) {
    int status = response == null ? 0 : response.statusCode();
    boolean transient_ = error != null || status >= 500 || status == 429 || status == 408;
    if (transient_) {
      String what =
          error != null
              ? settings.endpoint() + " unreachable: " + rootMessage(error)
              : "lines " + lines(batch) + " answered " + status;
      if (retry < settings.retries() && failure.get() == null) {
        long pause = Math.min(LONGEST_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << retry);
        err.printf(
            "%nsend: %s; trying again in %.1f s (%d of %d)%n",
            what, pause / 1000.0, retry + 1, settings.retries());
        pauses.schedule(() -> attempt(batch, retry + 1), pause, TimeUnit.MILLISECONDS);
        return;
      }
      fail(what + (settings.retries() > 0 ? " (gave up after " + retry + " retries)" : ""));
      return;
    }
    JsonNode answer = parse(response.body());
    if (status != 202) {
      fail(
          String.format(
              "lines %s refused (%d): %s%nnothing of those lines was stored; sending stopped"
                  + " (%d events were accepted)",
              lines(batch), status, answer.path("detail").asText(response.body()), accepted.get()));
      return;
    }
    accepted.addAndGet(answer.path("accepted").asLong());
    duplicates.addAndGet(answer.path("duplicates").asLong());
    revisions.addAndGet(answer.path("revisions").asLong());
    long bytes = storedBytes.addAndGet(batch.bytes());
    progress.update(accepted.get() + duplicates.get(), bytes);
    listener.stored(accepted.get() + duplicates.get(), bytes);
    slots.release();
  }

  private void fail(String message) {
    failure.compareAndSet(null, message);
    slots.release();
  }

  private static String lines(Batch batch) {
    return batch.firstLine() + "-" + batch.lastLine();
  }

  private static String rootMessage(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  private JsonNode parse(String body) {
    try {
      return json.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (IOException e) {
      return json.createObjectNode();
    }
  }
}
