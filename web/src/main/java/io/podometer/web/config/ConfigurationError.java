package io.podometer.web.config;

/**
 * A setting the server cannot start with, said in one line that names it: no stack trace, since the
 * fix is in the configuration, not in the code.
 */
public final class ConfigurationError extends RuntimeException {

  public ConfigurationError(String message) {
    super(message, null, false, false);
  }

  @Override
  public String toString() {
    return "configuration error: " + getMessage();
  }
}
