package io.podometer.web;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;

/** Lets tests send NDJSON and YAML bodies as text. */
public final class TestHttp {

  private TestHttp() {}

  public static void init() {
    RestAssured.config =
        RestAssured.config()
            .encoderConfig(
                EncoderConfig.encoderConfig()
                    .encodeContentTypeAs("application/x-ndjson", ContentType.TEXT)
                    .encodeContentTypeAs("application/yaml", ContentType.TEXT)
                    .encodeContentTypeAs("text/plain", ContentType.TEXT)
                    .appendDefaultContentCharsetToContentTypeIfUndefined(false));
  }
}
