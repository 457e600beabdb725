package io.podometer.web.figures;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one (scope, week) cell as one compact binary value: a count, then per figure its
 * metric, which optional parts are present, and those parts. Metrics are written by their position
 * in {@link MetricId}: stored figures are only read back by the engine build that wrote them.
 */
final class FigureCellCodec {

  private static final int VALUE = 1;
  private static final int NUM = 2;
  private static final int DEN = 4;
  private static final int EXACT = 8;
  private static final int TIER = 16;
  private static final int WITHHELD = 32;
  private static final int PARTIAL = 64;
  private static final int BY_SOURCE = 128;
  private static final String TOOL = "tool:";

  private FigureCellCodec() {}

  static byte[] encode(Collection<Figure> figures) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + figures.size() * 40);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeShort(figures.size());
      for (Figure f : figures) {
        out.writeByte(f.metric().ordinal());
        int flags =
            (f.value() != null ? VALUE : 0)
                | (f.num() != null ? NUM : 0)
                | (f.den() != null ? DEN : 0)
                | (f.exact() != null ? EXACT : 0)
                | (f.tier() != null ? TIER : 0)
                | (f.withheld() != null ? WITHHELD : 0)
                | (f.partial() ? PARTIAL : 0)
                | (f.bySource().isEmpty() && f.byTool().isEmpty() ? 0 : BY_SOURCE);
        out.writeByte(flags);
        out.writeInt(f.n());
        out.writeInt(f.people());
        writeIf(out, f.value());
        writeIf(out, f.num());
        writeIf(out, f.den());
        writeIf(out, f.exact());
        if (f.tier() != null) {
          out.writeUTF(f.tier());
        }
        if (f.withheld() != null) {
          out.writeUTF(f.withheld());
        }
        if (!f.bySource().isEmpty() || !f.byTool().isEmpty()) {
          // the tools ride in the sources' section under a prefix no source has, so cells stored
          // before tools were split still read
          Map<String, Double> split = new TreeMap<>(f.bySource());
          new TreeMap<>(f.byTool())
              .entrySet().stream()
                  .limit(255 - split.size())
                  .forEach(tool -> split.put(TOOL + tool.getKey(), tool.getValue()));
          out.writeByte(split.size());
          for (Map.Entry<String, Double> share : split.entrySet()) {
            out.writeUTF(share.getKey());
            out.writeDouble(share.getValue());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  static List<Figure> decode(ScopeId scope, IsoWeek week, byte[] cell) {
    MetricId[] metrics = MetricId.values();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(cell))) {
      int count = in.readUnsignedShort();
      List<Figure> figures = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        MetricId metric = metrics[in.readUnsignedByte()];
        int flags = in.readUnsignedByte();
        int n = in.readInt();
        int people = in.readInt();
        Double value = readIf(in, flags, VALUE);
        Double num = readIf(in, flags, NUM);
        Double den = readIf(in, flags, DEN);
        Double exact = readIf(in, flags, EXACT);
        String tier = (flags & TIER) != 0 ? in.readUTF() : null;
        String withheld = (flags & WITHHELD) != 0 ? in.readUTF() : null;
        Map<String, Double> bySource = Map.of();
        Map<String, Double> byTool = Map.of();
        if ((flags & BY_SOURCE) != 0) {
          int shares = in.readUnsignedByte();
          Map<String, Double> sources = new TreeMap<>();
          Map<String, Double> tools = new TreeMap<>();
          for (int s = 0; s < shares; s++) {
            String key = in.readUTF();
            double share = in.readDouble();
            if (key.startsWith(TOOL)) {
              tools.put(key.substring(TOOL.length()), share);
            } else {
              sources.put(key, share);
            }
          }
          bySource = sources;
          byTool = tools;
        }
        figures.add(
            new Figure(
                metric,
                scope,
                week,
                value,
                num,
                den,
                n,
                people,
                exact,
                bySource,
                byTool,
                tier,
                withheld,
                (flags & PARTIAL) != 0));
      }
      return figures;
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      throw new IllegalStateException("stored figures of " + scope + " " + week + " unreadable", e);
    }
  }

  private static void writeIf(DataOutputStream out, Double value) throws IOException {
    if (value != null) {
      out.writeDouble(value);
    }
  }

  private static Double readIf(DataInputStream in, int flags, int flag) throws IOException {
    return (flags & flag) != 0 ? io.podometer.engine.figure.Doubles.box(in.readDouble()) : null;
  }
}
