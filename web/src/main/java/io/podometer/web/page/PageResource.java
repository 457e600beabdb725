package io.podometer.web.page;

import io.podometer.engine.time.IsoWeek;
import io.podometer.web.org.OrgService;
import io.podometer.web.org.OrgSnapshot;
import io.podometer.web.store.FactQueries;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Server-rendered dashboard pages; their charts are drawn by static scripts from the JSON API. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PageResource {

  static final int OVERVIEW_WEEKS = 26;

  @Inject
  @Location("overview.html")
  Template overview;

  @Inject OrgService orgService;
  @Inject FactQueries facts;
  @Inject Clock clock;

  @GET
  @Operation(summary = "The overview dashboard page")
  public TemplateInstance overview() {
    OrgSnapshot org = orgService.current();
    IsoWeek to = IsoWeek.of(clock.instant(), org.model().org().timeZone());
    return overview
        .data("orgName", org.model().org().name())
        .data("from", to.plusWeeks(-(OVERVIEW_WEEKS - 1)).toString())
        .data("to", to.toString())
        .data("weeks", OVERVIEW_WEEKS)
        .data("timeZone", org.model().org().timeZone().getId())
        .data("dataAsOf", facts.dataAsOf().map(Object::toString).orElse("no data yet"))
        .data("aiShareTarget", Math.round(org.model().org().targets().aiCodeShare() * 100) + " %");
  }
}
