/** The OpenTelemetry receiver: agents' OTLP/HTTP exports of metrics and logs as usage days. */
package io.podometer.web.otlp;
