package io.podometer.connectors.source;

/**
 * What became of a published batch: new events {@code accepted}, exact repeats counted as {@code
 * duplicates}, and new payloads under a known id counted as {@code revisions} (revisions are
 * accepted too: accepted + duplicates = the batch size).
 */
public record IngestReceipt(int accepted, int duplicates, int revisions) {

  public static final IngestReceipt EMPTY = new IngestReceipt(0, 0, 0);

  public IngestReceipt plus(IngestReceipt other) {
    return new IngestReceipt(
        accepted + other.accepted, duplicates + other.duplicates, revisions + other.revisions);
  }
}
