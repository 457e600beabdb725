/**
 * Anti-pattern detectors (SPEC §6): small classes that read the pooled figures of a range of weeks,
 * with the thresholds of the organization model (per pod where a pod overrides them), and say
 * plainly when the transformation is going wrong — a {@link io.podometer.engine.detect.Flag} with
 * the rule that fired and the figures behind it — or that they could not tell, naming what is
 * missing. Plain Java, no I/O.
 */
package io.podometer.engine.detect;
