package io.podometer.web.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Lookups by lists of keys ({@code where key in (?, ?, …)}), cut into chunks of a bounded number of
 * parameters: the same statement text is reused for every full chunk, and no driver limit on
 * parameters is reached however large the batch.
 */
public final class KeyLists {

  /** Keys per statement. */
  public static final int CHUNK = 500;

  private KeyLists() {}

  public static <T> List<List<T>> chunks(Collection<T> items) {
    List<T> all = items instanceof List<T> list ? list : new ArrayList<>(items);
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
    }
    return chunks;
  }

  /** {@code ?, ?, …} with {@code n} markers. */
  public static String markers(int n) {
    StringBuilder text = new StringBuilder(n * 3);
    for (int i = 0; i < n; i++) {
      text.append(i == 0 ? "?" : ", ?");
    }
    return text.toString();
  }
}
