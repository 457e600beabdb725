package io.podometer.web.figures;

import io.podometer.engine.metric.MetricsEngine;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Identifies the metrics engine build, so that figures stored by another build (whose definitions
 * may differ) are recomputed at start instead of served: the checksum of the engine's jar.
 */
final class EngineVersion {

  private EngineVersion() {}

  static String current() {
    try {
      Path location =
          Path.of(MetricsEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(location)) {
        return "engine-classes";
      }
      CRC32 crc = new CRC32();
      try (InputStream in = Files.newInputStream(location)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
          crc.update(buffer, 0, n);
        }
      }
      return "engine-" + Long.toHexString(crc.getValue());
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return "engine-unknown";
    }
  }
}
