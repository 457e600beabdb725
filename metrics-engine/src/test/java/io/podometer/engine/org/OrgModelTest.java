package io.podometer.engine.org;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrgModelTest {

  @Test
  void aPodOverrideMergesKeyByKeyOverTheOrganizations() {
    OrgModel model =
        OrgFixtures.load(
            """
            org:
              name: Acme
              thresholds:
                review_bottleneck: {pickupHours: 30, weeks: 3}
                knowledge_debt: {docPaths: ["docs/**"]}
            pods:
              - id: checkout
                name: Checkout
                thresholds:
                  review_bottleneck: {pickupHours: 12}
                  knowledge_debt: {testPaths: ["spec/**"], minAddedLines: 20}
              - {id: search, name: Search}
            """);
    DetectorThresholds checkout = model.thresholdsFor("checkout");
    assertEquals(
        new DetectorThresholds.ReviewBottleneck(12, 0.5, 0.5, 3), checkout.reviewBottleneck());
    assertEquals(
        new DetectorThresholds.KnowledgeDebt(
            0.5, 20, 0.40, 2, List.of("spec/**"), List.of("docs/**")),
        checkout.knowledgeDebt());
    assertEquals(DetectorThresholds.DEFAULTS.metricsGaming(), checkout.metricsGaming());

    DetectorThresholds search = model.thresholdsFor("search");
    assertEquals(model.org().thresholds(), search);
    assertEquals(30.0, search.reviewBottleneck().pickupHours());
    assertEquals(model.org().thresholds(), model.thresholdsFor("nowhere"));
    assertEquals(model.org().thresholds(), model.thresholdsFor(null));
  }

  @Test
  void theExampleCheckoutPodPicksUpWithinTwelveHours() {
    OrgModel model = OrgFixtures.example();
    assertEquals(12.0, model.thresholdsFor("checkout").reviewBottleneck().pickupHours());
    assertEquals(24.0, model.thresholdsFor("search").reviewBottleneck().pickupHours());
  }

  @Test
  void lookupsFindEntriesById() {
    OrgModel model = OrgFixtures.example();
    assertEquals("Commerce", model.pillar("commerce").orElseThrow().name());
    assertEquals(2, model.podsOfPillar("commerce").size());
    assertEquals("search", model.service("search-svc").orElseThrow().pod());
    assertEquals(1, model.pilotsOfPod("checkout").size());
    assertEquals(List.of(), model.pilotsOfPod("search"));
  }
}
