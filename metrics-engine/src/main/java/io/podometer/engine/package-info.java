/** The Podometer domain in plain Java: no framework, database or broker imports. */
package io.podometer.engine;
