package io.podometer.web.figures;

/** A new version of the organization model is in force: every figure is recomputed. */
public record OrgChanged(long version) {}
