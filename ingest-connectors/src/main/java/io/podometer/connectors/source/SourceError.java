package io.podometer.connectors.source;

/**
 * Why a source could not be read. {@link Retriable} errors pass (a network failure, a 5xx, a rate
 * limit): wait and try again. {@link Fatal} ones do not (bad credentials, a repository that does
 * not exist): that stream stops and shows why until someone fixes the cause.
 */
public abstract sealed class SourceError extends RuntimeException
    permits SourceError.Retriable, SourceError.Fatal {

  private static final long serialVersionUID = 1L;

  SourceError(String message, Throwable cause) {
    super(message, cause);
  }

  /** Worth another try; {@code retryAt} is when the source said to come back, if it did. */
  public static final class Retriable extends SourceError {
    private static final long serialVersionUID = 1L;
    private final transient java.time.Instant retryAt;
    private final boolean rateLimited;

    public Retriable(
        String message, java.time.Instant retryAt, boolean rateLimited, Throwable cause) {
      super(message, cause);
      this.retryAt = retryAt;
      this.rateLimited = rateLimited;
    }

    public static Retriable of(String message, Throwable cause) {
      return new Retriable(message, null, false, cause);
    }

    public static Retriable rateLimited(String message, java.time.Instant retryAt) {
      return new Retriable(message, retryAt, true, null);
    }

    public java.util.Optional<java.time.Instant> retryAt() {
      return java.util.Optional.ofNullable(retryAt);
    }

    public boolean rateLimited() {
      return rateLimited;
    }
  }

  /** Not worth another try until the cause is fixed. */
  public static final class Fatal extends SourceError {
    private static final long serialVersionUID = 1L;

    public Fatal(String message, Throwable cause) {
      super(message, cause);
    }

    public Fatal(String message) {
      super(message, null);
    }
  }
}
