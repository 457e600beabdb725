package io.podometer.web.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code POST /api/sources/github} takes, read strictly: {@code repos} (owner/name, 1 to
 * {@value #MAX_REPOS}), {@code token} or {@code app} ({@code id} and {@code privateKeyFile} or
 * {@code privateKeyEnv}), optional {@code apiUrl} (GitHub Enterprise Server's {@code
 * https://<host>/api/v3}), {@code commitDetails} (default true) and {@code webhookSecret} (the
 * secret of the webhook delivering these repositories' events, when it is not one of
 * PODOMETER_GITHUB_WEBHOOK_SECRETS). Each problem is a 400 naming the field.
 */
record GitHubSourceRequest(
    String apiUrl,
    List<String> repos,
    String token,
    App app,
    boolean commitDetails,
    String webhookSecret) {

  /** A GitHub App: its id, and where its private key is (a file, or an environment variable). */
  record App(String id, String privateKeyFile, String privateKeyEnv) {}

  static final int MAX_REPOS = 1_000;
  private static final Set<String> FIELDS =
      Set.of("apiUrl", "repos", "token", "app", "commitDetails", "webhookSecret");
  private static final Set<String> APP_FIELDS = Set.of("id", "privateKeyFile", "privateKeyEnv");
  private static final Pattern WEBHOOK_SECRET = Pattern.compile("[\\x20-\\x7E]{8,500}");
  private static final Pattern REPO =
      Pattern.compile("[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}");
  private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]{1,500}");

  private static App app(JsonNode app) {
    if (app == null || app.isNull()) {
      return null;
    }
    if (!app.isObject()) {
      throw new IllegalArgumentException("app: {id, privateKeyFile or privateKeyEnv}");
    }
    for (Iterator<String> names = app.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!APP_FIELDS.contains(name)) {
        throw new IllegalArgumentException(
            "app." + name + ": unknown field (allowed: id, privateKeyEnv, privateKeyFile)");
      }
    }
    JsonNode id = app.get("id");
    if (id == null
        || !(id.isIntegralNumber() || id.isTextual())
        || !id.asText().matches("\\d{1,20}")) {
      throw new IllegalArgumentException("app.id: the App's numeric id");
    }
    JsonNode file = app.get("privateKeyFile");
    JsonNode env = app.get("privateKeyEnv");
    if ((file == null) == (env == null)) {
      throw new IllegalArgumentException(
          "app: privateKeyFile (a path) or privateKeyEnv (a variable name), one of them");
    }
    if (file != null
        && (!file.isTextual() || file.asText().isBlank() || file.asText().length() > 1000)) {
      throw new IllegalArgumentException("app.privateKeyFile: a file path");
    }
    if (env != null
        && (!env.isTextual() || !env.asText().matches("[A-Za-z_][A-Za-z0-9_]{0,200}"))) {
      throw new IllegalArgumentException("app.privateKeyEnv: an environment variable's name");
    }
    return new App(
        id.asText(), file == null ? null : file.asText(), env == null ? null : env.asText());
  }

  static GitHubSourceRequest read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("body: a JSON object with " + FIELDS);
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException(
            name
                + ": unknown field (allowed: apiUrl, app, commitDetails, repos, token,"
                + " webhookSecret)");
      }
    }
    JsonNode repos = body.get("repos");
    if (repos == null || !repos.isArray() || repos.isEmpty()) {
      throw new IllegalArgumentException("repos: a list of owner/name, at least one");
    }
    if (repos.size() > MAX_REPOS) {
      throw new IllegalArgumentException("repos: at most " + MAX_REPOS + " per source");
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < repos.size(); i++) {
      JsonNode repo = repos.get(i);
      if (!repo.isTextual() || !REPO.matcher(repo.asText()).matches()) {
        throw new IllegalArgumentException(
            "repos[" + i + "]: not a repository's owner/name: " + repo.toString());
      }
      if (!names.contains(repo.asText())) {
        names.add(repo.asText());
      }
    }
    JsonNode token = body.get("token");
    App app = app(body.get("app"));
    if ((token == null || token.isNull()) == (app == null)) {
      throw new IllegalArgumentException(
          "token: a token, or app: a GitHub App ({id, privateKeyFile or privateKeyEnv}), one of them");
    }
    if (token != null
        && !token.isNull()
        && (!token.isTextual() || !TOKEN.matcher(token.asText()).matches())) {
      throw new IllegalArgumentException(
          "token: a GitHub token (1 to 500 printable characters, no spaces)");
    }
    String apiUrl = null;
    JsonNode api = body.get("apiUrl");
    if (api != null && !api.isNull()) {
      if (!api.isTextual() || api.asText().length() > 500) {
        throw new IllegalArgumentException("apiUrl: a URL of at most 500 characters");
      }
      URI uri;
      try {
        uri = URI.create(api.asText());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("apiUrl: not a URL");
      }
      if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException("apiUrl: an http(s) URL such as https://api.github.com");
      }
      apiUrl = api.asText();
    }
    JsonNode details = body.get("commitDetails");
    if (details != null && !details.isNull() && !details.isBoolean()) {
      throw new IllegalArgumentException("commitDetails: true or false");
    }
    String webhookSecret = null;
    JsonNode secret = body.get("webhookSecret");
    if (secret != null && !secret.isNull()) {
      if (!secret.isTextual() || !WEBHOOK_SECRET.matcher(secret.asText()).matches()) {
        throw new IllegalArgumentException(
            "webhookSecret: 8 to 500 printable characters, as set on GitHub's webhook");
      }
      webhookSecret = secret.asText();
    }
    return new GitHubSourceRequest(
        apiUrl,
        names,
        app == null ? token.asText() : null,
        app,
        details == null || details.isNull() || details.asBoolean(),
        webhookSecret);
  }
}
