/**
 * Pilots (SPEC §2, §5.3): the scale gate's verdict on a pilot pod, against its own baseline and
 * against the pods without a pilot over the same weeks. Plain Java over pooled figures, no I/O.
 */
package io.podometer.engine.pilot;
