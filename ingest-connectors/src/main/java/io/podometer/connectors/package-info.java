/** Adapters from the outside world to canonical events. */
package io.podometer.connectors;
