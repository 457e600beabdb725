/** What a commit message says beyond its text: trailers and the pull request it closed. */
package io.podometer.connectors.commits;
