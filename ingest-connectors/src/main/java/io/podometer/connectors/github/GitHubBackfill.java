package io.podometer.connectors.github;

import io.podometer.connectors.source.PayloadMapper;
import io.podometer.connectors.source.SourceConnector;
import io.podometer.connectors.source.SourceError;
import io.podometer.connectors.source.SourceRun;
import io.podometer.engine.event.EventCodec;
import java.util.function.Supplier;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.authorization.AppInstallationAuthorizationProvider;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.extras.HttpClientGitHubConnector;
import org.kohsuke.github.extras.authorization.JWTTokenProvider;

/**
 * GitHub's history through its REST API (org.kohsuke:github-api): each repository of the source in
 * turn ({@link RepositoryBackfill}). A repository that cannot be read (404, 403) stops with the
 * reason on the progress and the others go on; bad credentials stop the sync.
 */
public final class GitHubBackfill implements SourceConnector {

  private final GitHubSource source;
  private final GitHubSettings settings;
  private final GitHubPageMapper mapper;
  private final GitHubMapper payloads;
  private final Supplier<GitHubConnector> network;

  public GitHubBackfill(GitHubSource source, GitHubSettings settings, EventCodec codec) {
    this(source, settings, codec, HttpClientGitHubConnector::new);
  }

  GitHubBackfill(
      GitHubSource source,
      GitHubSettings settings,
      EventCodec codec,
      Supplier<GitHubConnector> network) {
    this.source = source;
    this.settings = settings;
    this.mapper = new GitHubPageMapper(codec, settings);
    this.payloads = new GitHubMapper(new GitHubWebhookMapper(codec, settings), mapper);
    this.network = network;
  }

  @Override
  public String kind() {
    return "github";
  }

  /** Its fetched pages' mapper, and its webhook's for the deliveries kept under the source. */
  @Override
  public PayloadMapper mapper() {
    return payloads;
  }

  /** A client for the repository's owner, signed in with the source's token or App. */
  private GitHub connect(SourceRun run, CapturedPages pages, RateLimitWaits waits, String repo)
      throws InterruptedException {
    String what = "sign in to " + source.apiUrl();
    return run.retrying()
        .call(
            what,
            () ->
                GitHubErrors.call(
                    what,
                    () -> {
                      GitHubBuilder builder =
                          new GitHubBuilder()
                              .withEndpoint(source.apiUrl())
                              .withConnector(pages)
                              .withRateLimitHandler(waits.primary())
                              .withAbuseLimitHandler(waits.secondary());
                      if (source.app() == null) {
                        return builder.withOAuthToken(source.token()).build();
                      }
                      String owner = repo.substring(0, repo.indexOf('/'));
                      String name = repo.substring(repo.indexOf('/') + 1);
                      return builder
                          .withAuthorizationProvider(
                              new AppInstallationAuthorizationProvider(
                                  app -> app.getInstallationByRepository(owner, name),
                                  appJwt(source.app())))
                          .build();
                    }));
  }

  private static JWTTokenProvider appJwt(GitHubApp app) {
    try {
      return new JWTTokenProvider(app.appId(), AppPrivateKey.read(app.privateKeyPem()));
    } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
      throw new SourceError.Fatal(
          "GitHub App " + app.appId() + ": its private key cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void sync(SourceRun run) throws InterruptedException {
    run.progress().started(run.clock().instant());
    CapturedPages pages = new CapturedPages(network.get(), run.sourceId(), run.clock());
    RateLimitWaits waits = new RateLimitWaits(run.clock(), run.pauses(), run.progress());
    boolean failed = false;
    try {
      // one client per owner: a GitHub App has an installation per account
      java.util.Map<String, GitHub> clients = new java.util.HashMap<>();
      int stopped = 0;
      for (String repo : source.repos()) {
        String owner = repo.substring(0, repo.indexOf('/'));
        try {
          GitHub gitHub = clients.get(owner);
          if (gitHub == null) {
            gitHub = connect(run, pages, waits, repo);
            clients.put(owner, gitHub);
            pages.drain();
          }
          new RepositoryBackfill(gitHub, repo, run, pages, mapper, settings, source.commitDetails())
              .run();
        } catch (SourceError.Fatal e) {
          if (e.getCause() instanceof org.kohsuke.github.HttpException http
              && http.getResponseCode() == 401) {
            // the credentials are refused: no other repository will do better
            throw e;
          }
          run.progress().stopped(repo, e.getMessage());
          stopped++;
        } catch (SourceError.Retriable e) {
          // still failing after the retries: this repository waits for the next sync, the others go
          // on
          run.progress().stopped(repo, e.getMessage() + " (tried again at the next sync)");
          stopped++;
        }
      }
      failed = stopped > 0 && stopped == source.repos().size();
    } catch (SourceError e) {
      run.progress().error(e.getMessage());
      failed = true;
    } catch (RuntimeException e) {
      // the store refused what was fetched: the cursors did not move, the next sync resumes
      run.progress().error("stopped: " + e.getMessage());
      failed = true;
    } finally {
      run.progress().finished(run.clock().instant(), failed);
    }
  }
}
