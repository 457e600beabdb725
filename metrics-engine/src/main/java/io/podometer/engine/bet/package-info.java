/**
 * Bets and their owners (SPEC §2): whether a bet's kill signal fires in a week, read from its
 * {@code bet.signal} series or from a metric scoped to the bet. Plain Java, no I/O.
 */
package io.podometer.engine.bet;
