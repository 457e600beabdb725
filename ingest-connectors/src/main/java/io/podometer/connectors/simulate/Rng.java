package io.podometer.connectors.simulate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded randomness. Every stream derives from the seed and a key (purpose, member, day …), so one
 * generator's draws never shift another's, and StrictMath keeps doubles identical on every JVM.
 */
final class Rng {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final SplittableRandom random;

  private Rng(long seed) {
    random = new SplittableRandom(seed);
  }

  static Rng of(long seed, long... keys) {
    long h = mix(seed);
    for (long key : keys) {
      h = mix(h ^ mix(key + 0x9E3779B97F4A7C15L));
    }
    return new Rng(h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  double uniform() {
    return random.nextDouble();
  }

  double uniform(double low, double high) {
    return low + (high - low) * random.nextDouble();
  }

  /** Inclusive bounds. */
  int between(int low, int high) {
    return random.nextInt(low, high + 1);
  }

  /** Inclusive bounds. */
  long between(long low, long high) {
    return random.nextLong(low, high + 1);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  double gaussian() {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
  }

  double logNormal(double median, double sigma) {
    return median * StrictMath.exp(sigma * gaussian());
  }

  /** A log-normal duration in whole seconds, clamped to [min, max]. */
  long duration(double medianSeconds, double sigma, long min, long max) {
    return Math.max(min, Math.min(max, Math.round(logNormal(medianSeconds, sigma))));
  }

  int poisson(double lambda) {
    double limit = StrictMath.exp(-lambda);
    double product = random.nextDouble();
    int n = 0;
    while (product > limit) {
      product *= random.nextDouble();
      n++;
    }
    return n;
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  <T> T pick(T[] items) {
    return items[random.nextInt(items.length)];
  }

  /** Index drawn with the given relative weights. */
  int weighted(double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  String sha() {
    char[] c = new char[40];
    for (int block = 0; block < 3; block++) {
      long bits = random.nextLong();
      int from = block * 16;
      for (int i = 0; i < 16 && from + i < 40; i++) {
        c[from + i] = HEX[(int) (bits >>> (60 - 4 * i)) & 0xF];
      }
    }
    return new String(c);
  }

  String uuid() {
    String hex = sha();
    return hex.substring(0, 8)
        + '-'
        + hex.substring(8, 12)
        + "-4"
        + hex.substring(13, 16)
        + '-'
        + "89ab".charAt(Character.digit(hex.charAt(16), 16) & 3)
        + hex.substring(17, 20)
        + '-'
        + hex.substring(20, 32);
  }
}
