/**
 * GitHub: webhook deliveries and REST pages mapped to canonical events with EVENTS.md's
 * source-independent ids, so a webhook and a backfill of the same fact give the same id.
 */
package io.podometer.connectors.github;
