package io.podometer.web.api;

import io.podometer.engine.metric.WeeklyOverview;
import io.podometer.engine.time.IsoWeek;
import io.podometer.web.org.OrgService;
import io.podometer.web.org.OrgSnapshot;
import io.podometer.web.store.FactQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The organization overview: weekly merged PRs per pod and the AI-attributed share of lines. */
@Path("/api/overview")
@Produces(MediaType.APPLICATION_JSON)
public class OverviewResource {

  static final int MAX_WEEKS = 156;

  @Inject OrgService orgService;
  @Inject OverviewService overviews;
  @Inject FactQueries facts;
  @Inject Clock clock;

  @GET
  @Operation(summary = "Weekly merged PRs per pod and AI-attributed share, ending this week")
  public OverviewView get(@QueryParam("weeks") @DefaultValue("26") int weeks) {
    if (weeks < 1 || weeks > MAX_WEEKS) {
      throw new IllegalArgumentException("weeks: must be between 1 and " + MAX_WEEKS);
    }
    OrgSnapshot org = orgService.current();
    IsoWeek to = IsoWeek.of(clock.instant(), org.model().org().timeZone());
    IsoWeek from = to.plusWeeks(-(weeks - 1));
    WeeklyOverview overview = overviews.overview(org, from, to);
    return new OverviewView(
        "org",
        from.toString(),
        to.toString(),
        overview.weeks().stream().map(IsoWeek::toString).toList(),
        overview.mergedPrsByPod(),
        overview.aiShare().stream().map(ShareView::of).toList(),
        org.model().org().targets().aiCodeShare(),
        facts.dataAsOf().orElse(null));
  }

  /** The overview as served. */
  public record OverviewView(
      String scope,
      String from,
      String to,
      List<String> weeks,
      List<WeeklyOverview.PodSeries> mergedPrsByPod,
      List<ShareView> aiShare,
      double aiShareTarget,
      Instant dataAsOf) {}

  /** One week's share: {@code value} null means no change landed that week. */
  public record ShareView(String week, Double value, long num, long den, boolean partial) {
    static ShareView of(WeeklyOverview.ShareCell cell) {
      return new ShareView(
          cell.week().toString(), cell.value(), cell.num(), cell.den(), cell.partial());
    }
  }
}
