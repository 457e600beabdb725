package io.podometer.engine.figure;

/**
 * Why an item counts in a figure: the fact behind it ({@code ref}, e.g. {@code pr:acme/shop#41},
 * {@code deploy:7731}) and the rule that tied it in, in words.
 */
public record Evidence(String ref, String rule) {}
