/**
 * Sources of events beyond POST /api/events: the payloads they deliver kept before mapping, their
 * checkpoints, GitHub's webhook, and re-deriving a source's events from its kept payloads.
 */
package io.podometer.web.source;
