package io.podometer.web.org;

/** A new version of the organization model is in force (the figures recompute on it). */
public record OrgChanged(long version) {}
