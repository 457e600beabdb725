package io.podometer.connectors.github;

import io.podometer.connectors.source.SourceError;
import java.io.IOException;
import org.kohsuke.github.GHException;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.HttpException;

/**
 * GitHub's failures as retriable or fatal: a network failure, a 5xx or a timeout passes; bad
 * credentials (401), a missing permission (403 once rate limits are waited out), a repository that
 * does not exist or that the token cannot see (404), any other 4xx do not.
 */
final class GitHubErrors {

  /** A call of the GitHub client. */
  @FunctionalInterface
  interface Call<T> {
    T get() throws IOException;
  }

  private GitHubErrors() {}

  static <T> T call(String what, Call<T> call) {
    try {
      return call.get();
    } catch (GHException e) {
      // the client's iterators wrap what went wrong
      if (e.getCause() instanceof IOException io) {
        throw classify(what, io);
      }
      throw SourceError.Retriable.of(what + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw classify(what, e);
    }
  }

  static SourceError classify(String what, IOException e) {
    if (e instanceof GHFileNotFoundException) {
      return new SourceError.Fatal(
          what + ": not found (404); check the name and that the token can read it", e);
    }
    if (e instanceof HttpException http) {
      int code = http.getResponseCode();
      if (code == 401) {
        return new SourceError.Fatal(what + ": bad credentials (401); check the token", e);
      }
      if (code == 403) {
        return new SourceError.Fatal(
            what + ": forbidden (403); the token lacks a permission this needs", e);
      }
      if (code == 404) {
        return new SourceError.Fatal(
            what + ": not found (404); check the name and that the token can read it", e);
      }
      if (code >= 500 || code == 408 || code == 429 || code <= 0) {
        return SourceError.Retriable.of(what + ": GitHub answered " + code, e);
      }
      return new SourceError.Fatal(what + ": GitHub answered " + code, e);
    }
    return SourceError.Retriable.of(
        what + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
  }
}
