/**
 * Agent vendors' daily usage reports — Claude Code's analytics API, Cursor's admin API — read into
 * whole-day {@code agent.usage} events, from files saved from the APIs or fetched with an admin
 * key.
 */
package io.podometer.connectors.vendorusage;
