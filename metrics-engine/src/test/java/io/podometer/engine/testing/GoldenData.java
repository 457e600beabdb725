package io.podometer.engine.testing;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.FactKey;
import io.podometer.engine.fact.FactFolder;
import io.podometer.engine.fact.FoldedFact;
import io.podometer.engine.metric.FactSet;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.OrgModelLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Golden datasets for metric tests: an organization (YAML) and events (NDJSON) read from test
 * resources beside the test class, folded into facts exactly as production does.
 */
public final class GoldenData {

  private GoldenData() {}

  /** Reads {@code <package of test>/<TestClass>/<name>} from the test resources. */
  public static String resource(Class<?> test, String name) {
    String path = test.getSimpleName() + "/" + name;
    try (InputStream in = test.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no test resource " + test.getPackageName().replace('.', '/') + "/" + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads {@code io/podometer/engine/<path>} from the test resources. */
  public static String engineResource(String path) {
    try (InputStream in = GoldenData.class.getResourceAsStream("/io/podometer/engine/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static OrgModel org(String yaml) {
    return new OrgModelLoader().load(yaml, "golden org").model();
  }

  public static List<CanonicalEvent> events(String ndjson) {
    return new EventCodec().parseNdjson(ndjson);
  }

  /** Folds events into facts by natural key, as the ingestion does. */
  public static FactSet facts(Collection<CanonicalEvent> events) {
    return FactSet.fromFolded(folded(events));
  }

  /** The folded facts of the events, one per natural key. */
  public static List<FoldedFact> folded(Collection<CanonicalEvent> events) {
    Map<FactKey, List<CanonicalEvent>> byKey = new LinkedHashMap<>();
    for (CanonicalEvent e : events) {
      byKey.computeIfAbsent(FactKey.of(e), k -> new ArrayList<>()).add(e);
    }
    FactFolder folder = new FactFolder();
    List<FoldedFact> folded = new ArrayList<>();
    byKey.forEach((key, list) -> folded.add(folder.fold(key, list)));
    return folded;
  }
}
