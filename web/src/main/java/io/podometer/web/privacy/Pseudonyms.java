package io.podometer.web.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.podometer.engine.event.CanonicalJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces a person's names (logins, e-mails, telemetry ids, display name; lower case) by a
 * pseudonym: a JSON string that is one of them, or a GitHub no-reply address built on one, becomes
 * the pseudonym; in longer text (a commit message's "Co-authored-by: Ana &lt;ana@acme.example&gt;",
 * a PR body's "@ana-l"), in natural keys and event ids, each name standing between separators is
 * replaced.
 */
final class Pseudonyms {

  private final ObjectMapper json;
  private final Set<String> names;
  private final String pseudonym;
  private final List<Pattern> inText = new ArrayList<>();

  /**
   * @param names the person's identities and name, lower case: whole strings equal to one of them
   *     are replaced
   * @param inText the ones also replaced inside longer text: identities, and a name of several
   *     words (a one-word name like "Main" would rewrite every branch called main)
   */
  Pseudonyms(ObjectMapper json, Set<String> names, Set<String> inText, String pseudonym) {
    this.json = json;
    this.names = Set.copyOf(names);
    this.pseudonym = pseudonym;
    // longest first, so "ana@acme.example" goes whole before "ana" could match inside it
    inText.stream()
        .sorted(java.util.Comparator.comparingInt(String::length).reversed())
        .forEach(
            name ->
                this.inText.add(
                    Pattern.compile(
                        "(?<![A-Za-z0-9._%+-])" + Pattern.quote(name) + "(?![A-Za-z0-9._%+-])",
                        Pattern.CASE_INSENSITIVE)));
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
    // canonical, as raw payloads are stored, so their hashes stay comparable
    return rewrite(tree) ? CanonicalJson.write(tree) : document;
  }

  /** Text (free text, a natural key, an event id) with every bounded occurrence replaced. */
  String inText(String text) {
    String result = text;
    for (Pattern pattern : inText) {
      Matcher matcher = pattern.matcher(result);
      if (matcher.find()) {
        result = matcher.replaceAll(Matcher.quoteReplacement(pseudonym));
      }
    }
    return result;
  }

  /** The pseudonym for a whole string that names the person, else the text with names replaced. */
  private String replaced(String text) {
    String lower = text.strip().toLowerCase(Locale.ROOT);
    if (names.contains(lower)) {
      return pseudonym;
    }
    for (String name : names) {
      if (lower.endsWith("+" + name + "@users.noreply.github.com")) {
        return pseudonym;
      }
    }
    return inText(text);
  }

  /** Rewrites the container's text values in place; whether anything changed. */
  private boolean rewrite(JsonNode node) {
    boolean changed = false;
    if (node instanceof ObjectNode object) {
      List<String> fields = new ArrayList<>();
      object.fieldNames().forEachRemaining(fields::add);
      for (String field : fields) {
        changed |= rewrite(object.get(field), value -> object.set(field, value));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        int at = i;
        changed |= rewrite(array.get(i), value -> array.set(at, value));
      }
    }
    return changed;
  }

  private boolean rewrite(JsonNode value, java.util.function.Consumer<JsonNode> replace) {
    if (value.isTextual()) {
      String text = replaced(value.asText());
      if (!text.equals(value.asText())) {
        replace.accept(new TextNode(text));
        return true;
      }
      return false;
    }
    return value.isContainerNode() && rewrite(value);
  }
}
