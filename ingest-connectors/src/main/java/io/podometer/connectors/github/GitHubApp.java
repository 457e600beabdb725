package io.podometer.connectors.github;

import java.util.Objects;

/**
 * A GitHub App a source reads as: its id and its private key (the PEM file GitHub hands out,
 * PKCS#1, or PKCS#8). The client signs a short-lived JWT with the key and trades it for an
 * installation token of each repository's owner.
 */
public record GitHubApp(String appId, String privateKeyPem) {

  public GitHubApp {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(privateKeyPem, "privateKeyPem");
  }

  @Override
  public String toString() {
    return "GitHubApp[appId=" + appId + ", privateKey=***]";
  }
}
