/**
 * CSV sources, for systems without an API: deployments, incidents and weekly meeting hours mapped
 * to canonical events, and members with their pods applied to the organization model. Pure: the
 * given text in, events or a model out, every bad cell named by line, column and rule.
 */
package io.podometer.connectors.csv;
