package io.podometer.connectors.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitHubSignatureTest {

  private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.UTF_8);

  // GitHub's documented test values ("Validating webhook deliveries")
  private static final String SECRET = "It's a Secret to Everybody";
  private static final String SIGNED =
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

  @Test
  void gitHubsDocumentedVectorPasses() {
    assertEquals(SIGNED, GitHubSignature.of(SECRET, HELLO));
    assertEquals(SECRET, GitHubSignature.signer(List.of(SECRET), HELLO, SIGNED));
    // hex digits in either case are the same signature
    assertEquals(
        SECRET,
        GitHubSignature.signer(
            List.of(SECRET), HELLO, SIGNED.toUpperCase().replace("SHA256=", "sha256=")));
  }

  @Test
  void aWrongSecretAMissingHeaderOrAnotherBodyFail() {
    assertNull(GitHubSignature.signer(List.of("another secret"), HELLO, SIGNED));
    assertNull(GitHubSignature.signer(List.of(SECRET), HELLO, null));
    assertNull(GitHubSignature.signer(List.of(SECRET), HELLO, "sha1=757107ea"));
    assertNull(
        GitHubSignature.signer(
            List.of(SECRET), "Hello, World?".getBytes(StandardCharsets.UTF_8), SIGNED));
    assertNull(GitHubSignature.signer(List.of(), HELLO, SIGNED));
  }

  @Test
  void duringARotationEitherSecretSigns() {
    List<String> both = List.of("the new secret", SECRET);
    assertEquals(SECRET, GitHubSignature.signer(both, HELLO, SIGNED));
    String signedWithNew = GitHubSignature.of("the new secret", HELLO);
    assertEquals("the new secret", GitHubSignature.signer(both, HELLO, signedWithNew));
  }
}
