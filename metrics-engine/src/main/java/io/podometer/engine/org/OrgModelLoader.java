package io.podometer.engine.org;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Loads an organization model from YAML or JSON text (shape: {@code org.example.yaml}). Every key
 * is checked: unknown keys, wrong types, missing required fields, duplicate ids, references between
 * entries, overlapping memberships, bad enum values, regexes, time zones. All problems are
 * collected and thrown together. Stateless and thread-safe.
 */
public final class OrgModelLoader {

  /** The largest model read by default: 16 MiB of characters (the default upload limit). */
  public static final int DEFAULT_MAX_CHARS = 16 * 1024 * 1024;

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '(.*)'");

  private final int maxChars;
  private java.util.function.Predicate<String> knownMetric = id -> true;
  private boolean newVersion;
  private final ObjectMapper yaml;

  public OrgModelLoader() {
    this(DEFAULT_MAX_CHARS);
  }

  /**
   * This loader, for new versions of the model: ids of at most 100 characters, and no kill signal
   * on a metric id that {@code known} does not accept (the metrics live beside the model, not in
   * it). A loader without it reads versions stored before these rules.
   */
  public OrgModelLoader checkingNewVersions(java.util.function.Predicate<String> known) {
    this.knownMetric = known;
    this.newVersion = true;
    return this;
  }

  private LoadContext context(String sourceName) {
    LoadContext context = new LoadContext(sourceName);
    context.knownMetric = knownMetric;
    context.newVersion = newVersion;
    return context;
  }

  /**
   * @param maxChars the largest model read; a larger one is refused as such (not as bad YAML)
   */
  public OrgModelLoader(int maxChars) {
    this.maxChars = maxChars;
    LoaderOptions options = new LoaderOptions();
    // the YAML reader's own limit (3 MB by default) would refuse a model the upload limit allows
    options.setCodePointLimit(maxChars);
    this.yaml =
        YAMLMapper.builder(YAMLFactory.builder().loaderOptions(options).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
  }

  /**
   * Loads YAML (which includes JSON).
   *
   * @param sourceName how problems name the text, e.g. its file name {@code org.yaml}
   * @throws OrgValidationException listing every problem found
   */
  public OrgLoadResult load(String text, String sourceName) {
    if (looksLikeJson(text)) {
      // JSON is YAML too, but its own reader is many times faster and names its errors as JSON;
      // flow YAML ({org: …}) is not JSON, and is read as YAML
      LoadContext asJson = context(sourceName);
      JsonNode tree = parse(JSON, "JSON", text, asJson);
      if (tree == null) {
        tree = parse(yaml, "YAML", text, context(sourceName));
      }
      if (tree == null) {
        throw new OrgValidationException(asJson.problems);
      }
      return build(tree, context(sourceName));
    }
    return read(yaml, "YAML", text, sourceName);
  }

  /** A document that opens with '{' is JSON or flow YAML; a block YAML mapping never does. */
  private static boolean looksLikeJson(String text) {
    if (text == null) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\ufeff' || Character.isWhitespace(c)) {
        continue;
      }
      return c == '{';
    }
    return false;
  }

  /** Loads strict JSON; see {@link #load(String, String)}. */
  public OrgLoadResult loadJson(String text, String sourceName) {
    return read(JSON, "JSON", text, sourceName);
  }

  /**
   * Loads text of the given media type: JSON for {@code application/json} (or any {@code …json}
   * type), YAML otherwise (including null).
   */
  public OrgLoadResult load(String text, String sourceName, String mediaType) {
    boolean json = mediaType != null && mediaType.toLowerCase(Locale.ROOT).contains("json");
    return json ? loadJson(text, sourceName) : load(text, sourceName);
  }

  /** Loads a UTF-8 file, JSON when its name ends in {@code .json}, named by its file name. */
  public OrgLoadResult load(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String name = file.getFileName().toString();
    return name.toLowerCase(Locale.ROOT).endsWith(".json")
        ? loadJson(text, name)
        : load(text, name);
  }

  private OrgLoadResult read(ObjectMapper mapper, String format, String text, String sourceName) {
    LoadContext context = context(sourceName);
    JsonNode root = parse(mapper, format, text, context);
    if (root == null) {
      throw new OrgValidationException(context.problems);
    }
    return build(root, context);
  }

  private static OrgLoadResult build(JsonNode tree, LoadContext context) {
    JsonNode root = tree;
    if (root.isMissingNode() || root.isNull()) {
      root = JsonNodeFactory.instance.objectNode();
    }
    if (!root.isObject()) {
      context.problem(
          "", "", "expected a mapping at the top level, got " + EntryReader.describe(root));
      throw new OrgValidationException(context.problems);
    }
    OrgModel model = readModel(context, root);
    if (!context.problems.isEmpty()) {
      throw new OrgValidationException(context.problems);
    }
    return new OrgLoadResult(model, context.warnings);
  }

  private static OrgModel readModel(LoadContext context, JsonNode root) {
    EntryReader top = new EntryReader(context, "", "", root);
    top.allowKeys("org", "pillars", "pods", "members", "services", "champions", "pilots", "bets");
    context.declareIds(root);
    JsonNode orgNode = root.get("org");
    if (orgNode != null && !orgNode.isNull() && !orgNode.isObject()) {
      context.problem("", "org", "expected a mapping, got " + EntryReader.describe(orgNode));
      orgNode = null;
    }
    OrgSettings org = OrgSectionReader.read(new EntryReader(context, "org", "", orgNode));
    List<Pillar> pillars = StructureReader.pillars(context, root);
    List<Pod> pods = StructureReader.pods(context, root);
    List<Member> members = MemberReader.members(context, root);
    List<Service> services = StructureReader.services(context, root);
    List<Champion> champions = InitiativeReader.champions(context, root);
    List<Pilot> pilots = InitiativeReader.pilots(context, root, champions);
    List<Bet> bets = InitiativeReader.bets(context, root);
    if (!context.problems.isEmpty()) {
      return null;
    }
    return new OrgModel(org, pillars, pods, members, services, champions, pilots, bets);
  }

  /** The tree, or null with a problem that says where the text stops being {@code format}. */
  private JsonNode parse(ObjectMapper mapper, String format, String text, LoadContext context) {
    if (text != null && text.length() > maxChars) {
      context.problem(
          "",
          "",
          String.format(
              Locale.ROOT,
              "the model is %.1f MiB, more than the %.1f MiB read at most",
              text.length() / 1048576.0,
              maxChars / 1048576.0));
      return null;
    }
    try {
      return mapper.readTree(text == null ? "" : text);
    } catch (JsonProcessingException e) {
      String where = where(e.getLocation());
      Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getOriginalMessage()));
      if (duplicate.find()) {
        context.problem("", "", "duplicate key '" + duplicate.group(1) + "'" + where);
      } else {
        context.problem("", "", "not valid " + format + where);
      }
      return null;
    } catch (RuntimeException e) {
      // the YAML scanner can fail outside Jackson's exception types (e.g. on nesting limits)
      context.problem("", "", "not valid " + format);
      return null;
    }
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
