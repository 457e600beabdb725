/**
 * Local git repositories as a source: a clone's history on one branch, with per-file line counts,
 * trailers, pull request numbers from merge and squash subjects, and git-ai notes.
 */
package io.podometer.connectors.git;
