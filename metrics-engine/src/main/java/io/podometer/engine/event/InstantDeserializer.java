package io.podometer.engine.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import io.podometer.engine.time.Instants;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads the contract's timestamps with {@link Instants}, several times faster than java.time. */
final class InstantDeserializer extends StdScalarDeserializer<Instant> {

  InstantDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      return (Instant) context.handleUnexpectedToken(Instant.class, parser);
    }
    String text = parser.getText();
    try {
      return Instants.parse(text);
    } catch (DateTimeParseException e) {
      return (Instant)
          context.handleWeirdStringValue(Instant.class, text, "not a timestamp with an offset");
    }
  }
}
