package io.podometer.web.figures;

/**
 * The figures could not be brought up to date (computed or stored): what was being done and why.
 * The figures served stay those of the last update that succeeded.
 */
public class FiguresNotUpdated extends RuntimeException {

  FiguresNotUpdated(String during, FigureHealth.Failure failure) {
    super(
        "figures not updated ("
            + during
            + ")"
            + (failure == null ? "" : ": " + failure.reason())
            + "; the figures served are those of the last update that succeeded");
  }
}
