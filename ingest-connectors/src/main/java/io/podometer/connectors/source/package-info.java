/**
 * What every connector is built on: the event-sink port it publishes canonical events to, the
 * payloads it keeps before mapping (so a mapping fix re-derives events without fetching again), the
 * checkpoint store that lets a sync resume where it stopped, its progress, and errors split into
 * retriable (wait and try again) and fatal (stop that stream and say why).
 */
package io.podometer.connectors.source;
