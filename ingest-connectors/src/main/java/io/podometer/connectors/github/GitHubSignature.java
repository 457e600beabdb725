package io.podometer.connectors.github;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's webhook signature: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body
 * with the webhook's secret>}. Compared in constant time; several secrets may be active while one
 * is rotated.
 */
public final class GitHubSignature {

  public static final String HEADER = "X-Hub-Signature-256";
  private static final String PREFIX = "sha256=";

  private GitHubSignature() {}

  public static String of(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }

  /** The secret among {@code secrets} that signed the body, or null when none did. */
  public static String signer(Collection<String> secrets, byte[] body, String header) {
    if (header == null) {
      return null;
    }
    byte[] given = header.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    String found = null;
    for (String secret : secrets) {
      byte[] expected = of(secret, body).getBytes(StandardCharsets.US_ASCII);
      // every secret is tried, so the time taken does not tell which one matched
      if (MessageDigest.isEqual(expected, given) && found == null) {
        found = secret;
      }
    }
    return found;
  }
}
