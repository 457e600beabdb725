package io.podometer.engine.fact;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;
import java.util.Set;

/**
 * Reads the strings of facts through the {@link StringPool} given as a reader attribute, if any.
 * Free text (titles, bodies, messages) is read as is.
 */
final class SharedStringDeserializer extends StdScalarDeserializer<String>
    implements ContextualDeserializer {

  private static final Set<String> FREE_TEXT = Set.of("title", "body", "message", "text");
  private static final int LONGEST_SHARED = 256;

  SharedStringDeserializer() {
    super(String.class);
  }

  @Override
  public JsonDeserializer<?> createContextual(
      DeserializationContext context, BeanProperty property) {
    if (property != null && FREE_TEXT.contains(property.getName())) {
      return StringDeserializer.instance;
    }
    return this;
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      return StringDeserializer.instance.deserialize(parser, context);
    }
    String text = parser.getText();
    Object pool = context.getAttribute(StringPool.ATTRIBUTE);
    return pool == null || text.length() > LONGEST_SHARED ? text : ((StringPool) pool).share(text);
  }
}
