package io.podometer.engine.org;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An initiative. A bet should have exactly one STO; {@code stos} keeps what the file says (none or
 * several load with a warning). {@code hypothesis}, {@code killSignal} and {@code started} are null
 * when the file gives none.
 */
public record Bet(
    String id,
    String title,
    List<String> stos,
    String hypothesis,
    KillSignal killSignal,
    BetStatus status,
    LocalDate started,
    BetLinks links) {

  public Bet {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    stos = stos == null ? List.of() : List.copyOf(stos);
    status = status == null ? BetStatus.EXPLORING : status;
    links = links == null ? BetLinks.defaultsFor(id) : links;
  }

  public boolean hasSingleSto() {
    return stos.size() == 1;
  }

  /** The single task owner, empty when the bet has none or several. */
  public Optional<String> sto() {
    return hasSingleSto() ? Optional.of(stos.get(0)) : Optional.empty();
  }
}
