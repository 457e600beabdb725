package io.podometer.web.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces a person's names (logins, e-mails, telemetry ids, display name; lower case) by a
 * pseudonym: whole JSON strings that are one of them, or an e-mail in angle brackets or a GitHub
 * no-reply address built on one; in natural keys and event ids, a name standing between separators.
 */
final class Pseudonyms {

  private final ObjectMapper json;
  private final Set<String> names;
  private final String pseudonym;
  private final List<Pattern> inKeys = new ArrayList<>();

  Pseudonyms(ObjectMapper json, Set<String> names, String pseudonym) {
    this.json = json;
    this.names = Set.copyOf(names);
    this.pseudonym = pseudonym;
    for (String name : names) {
      if (!name.contains(" ")) {
        inKeys.add(
            Pattern.compile(
                "(?<![A-Za-z0-9._%+-])" + Pattern.quote(name) + "(?![A-Za-z0-9._%+-])",
                Pattern.CASE_INSENSITIVE));
      }
    }
  }

  String pseudonym() {
    return pseudonym;
  }

  /** The document with the names replaced; the same instance when none occurs. */
  String inJson(String document) {
    JsonNode tree;
    try {
      tree = json.readTree(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON does not parse", e);
    }
    if (!rewrite(tree)) {
      return document;
    }
    try {
      return json.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  String inKey(String key) {
    String result = key;
    for (Pattern pattern : inKeys) {
      Matcher matcher = pattern.matcher(result);
      if (matcher.find()) {
        result = matcher.replaceAll(Matcher.quoteReplacement(pseudonym));
      }
    }
    return result;
  }

  boolean mentions(String text) {
    String lower = text.strip().toLowerCase(Locale.ROOT);
    if (names.contains(lower)) {
      return true;
    }
    for (String name : names) {
      if (lower.contains("<" + name + ">")
          || lower.endsWith("+" + name + "@users.noreply.github.com")) {
        return true;
      }
    }
    return false;
  }

  /** Rewrites the container's text values in place; whether anything changed. */
  private boolean rewrite(JsonNode node) {
    boolean changed = false;
    if (node instanceof ObjectNode object) {
      List<String> replace = new ArrayList<>();
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        JsonNode value = field.getValue();
        if (value.isTextual() && mentions(value.asText())) {
          replace.add(field.getKey());
        } else if (value.isContainerNode()) {
          changed |= rewrite(value);
        }
      }
      replace.forEach(name -> object.set(name, new TextNode(pseudonym)));
      changed |= !replace.isEmpty();
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode value = array.get(i);
        if (value.isTextual() && mentions(value.asText())) {
          array.set(i, new TextNode(pseudonym));
          changed = true;
        } else if (value.isContainerNode()) {
          changed |= rewrite(value);
        }
      }
    }
    return changed;
  }
}
