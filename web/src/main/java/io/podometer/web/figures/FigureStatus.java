package io.podometer.web.figures;

import java.time.Instant;

/**
 * How current the figures are: {@code dataAsOf} is the newest moment of any fact they reflect;
 * while {@code catchingUp}, {@code factsWaiting} facts are stored but not in the figures yet (a
 * bulk load is being absorbed).
 */
public record FigureStatus(
    boolean catchingUp, int factsWaiting, Instant dataAsOf, Instant lastFullRecompute) {}
