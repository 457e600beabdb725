/**
 * Agent Trace records (agent-trace.dev): line-level AI authorship of git revisions, read into
 * {@code commit.attribution} events with source {@code line}.
 */
package io.podometer.connectors.agenttrace;
