package io.podometer.connectors.github;

import io.podometer.connectors.source.PayloadMapper;
import io.podometer.connectors.source.SourceConnector;
import io.podometer.connectors.source.SourceError;
import io.podometer.connectors.source.SourceRun;
import io.podometer.engine.event.EventCodec;
import java.util.function.Supplier;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.extras.HttpClientGitHubConnector;

/**
 * GitHub's history through its REST API (org.kohsuke:github-api): each repository of the source in
 * turn ({@link RepositoryBackfill}). A repository that cannot be read (404, 403) stops with the
 * reason on the progress and the others go on; bad credentials stop the sync.
 */
public final class GitHubBackfill implements SourceConnector {

  private final GitHubSource source;
  private final GitHubSettings settings;
  private final GitHubPageMapper mapper;
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
    this.network = network;
  }

  @Override
  public String kind() {
    return "github";
  }

  @Override
  public PayloadMapper mapper() {
    return mapper;
  }

  @Override
  public void sync(SourceRun run) throws InterruptedException {
    run.progress().started(run.clock().instant());
    CapturedPages pages = new CapturedPages(network.get(), run.sourceId(), run.clock());
    RateLimitWaits waits = new RateLimitWaits(run.clock(), run.pauses(), run.progress());
    boolean failed = false;
    try {
      GitHub gitHub =
          run.retrying()
              .call(
                  "sign in to " + source.apiUrl(),
                  () ->
                      GitHubErrors.call(
                          "sign in to " + source.apiUrl(),
                          () ->
                              new GitHubBuilder()
                                  .withEndpoint(source.apiUrl())
                                  .withOAuthToken(source.token())
                                  .withConnector(pages)
                                  .withRateLimitHandler(waits.primary())
                                  .withAbuseLimitHandler(waits.secondary())
                                  .build()));
      pages.drain();
      int stopped = 0;
      for (String repo : source.repos()) {
        try {
          new RepositoryBackfill(gitHub, repo, run, pages, mapper, settings, source.commitDetails())
              .run();
        } catch (SourceError.Fatal e) {
          if (e.getCause() instanceof org.kohsuke.github.HttpException http
              && http.getResponseCode() == 401) {
            // the token is refused: no other repository will do better
            throw e;
          }
          run.progress().stopped(repo, e.getMessage());
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
