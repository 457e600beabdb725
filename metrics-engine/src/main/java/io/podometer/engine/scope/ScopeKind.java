package io.podometer.engine.scope;

import java.util.Locale;

/** What a figure is about. {@code MEMBER} figures are private to that member (SPEC §8). */
public enum ScopeKind {
  ORG,
  PILLAR,
  POD,
  SERVICE,
  REPO,
  BET,
  STO,
  MEMBER;

  public String prefix() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the group behind a figure is the scope's members (else: its distinct contributors). */
  public boolean groupIsMembership() {
    return this == ORG || this == PILLAR || this == POD;
  }
}
