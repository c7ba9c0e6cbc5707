package io.mcpiac.engine.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML or JSON text into a JSON tree while recording the line of every value, which Jackson's
 * tree reader forgets. Anchors, aliases and {@code <<} merge keys are expanded; duplicate keys and
 * syntax errors become diagnostics, never exceptions.
 */
final class DocumentParser {
  /** The parsed root (null after a syntax error), the lines, and what went wrong. */
  record Result(JsonNode root, SourceMap lines, List<Diagnostic> problems) {}

  // aliases can blow a small file up exponentially ("billion laughs"); no deployment needs this
  // many
  private static final int MAX_NODES = 2_000_000;
  private static final String MERGE_KEY = "<<";

  /**
   * Deepest nesting of mappings and lists, aliases expanded. Jackson refuses to write JSON deeper
   * than 1,000 levels, so a deeper document would fail later, at plan time, with a raw exception.
   */
  static final int MAX_DEPTH = 100;

  /** The tags plain YAML gives values; any other (!!java.…, !include) is refused, not dropped. */
  private static final java.util.Set<String> PLAIN_TAGS =
      java.util.Set.of("str", "int", "float", "bool", "null", "map", "seq").stream()
          .flatMap(t -> java.util.stream.Stream.of("tag:yaml.org,2002:" + t, "!!" + t))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private static final YAMLFactory YAML = yamlFactory();
  private static final JsonFactory JSON = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String origin;
  private final SourceMap.Builder lines = new SourceMap.Builder();
  private final List<Diagnostic> problems = new ArrayList<>();
  private final Map<String, JsonNode> anchors = new HashMap<>();
  private int nodes;
  private int depth;

  private DocumentParser(String origin) {
    this.origin = origin;
  }

  static Result parse(String text, String origin) {
    return new DocumentParser(origin).run(text);
  }

  private static YAMLFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    return YAMLFactory.builder().loaderOptions(options).build();
  }

  private Result run(String text) {
    // JSON is nearly YAML, but a JSON file indented with tabs is not: read JSON as JSON
    boolean json = text.stripLeading().startsWith("{");
    try (JsonParser parser = json ? JSON.createParser(text) : YAML.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add(problem(DiagnosticCodes.INVALID_VALUE, 1, "", "the document is empty"));
        return result(null);
      }
      JsonNode root = readValue(parser, "");
      if (parser.nextToken() != null) {
        problems.add(
            problem(
                DiagnosticCodes.INVALID_VALUE,
                lineOf(parser.currentTokenLocation()),
                "",
                "a deployment file holds one YAML document; this is a second one"));
      }
      return result(root);
    } catch (MarkedYAMLException e) {
      problems.add(syntaxError(e));
      return result(null);
    } catch (JacksonException e) {
      problems.add(syntaxError(e));
      return result(null);
    } catch (TooLargeException e) {
      problems.add(problem(DiagnosticCodes.INVALID_VALUE, e.line, "", e.getMessage()));
      return result(null);
    } catch (IOException e) {
      problems.add(problem(DiagnosticCodes.UNREADABLE_FILE, 0, null, e.getMessage()));
      return result(null);
    }
  }

  private Result result(JsonNode root) {
    return new Result(root, lines.build(), problems);
  }

  private JsonNode readValue(JsonParser parser, String path) throws IOException {
    int line = lineOf(parser.currentTokenLocation());
    lines.put(path, line);
    String anchor = parser instanceof YAMLParser yaml ? yaml.getCurrentAnchor() : null;
    if (parser instanceof YAMLParser yaml) {
      String tag = yaml.getTypeId();
      if (tag != null && !tag.isEmpty() && !tag.equals("!") && !PLAIN_TAGS.contains(tag)) {
        problems.add(
            problem(
                DiagnosticCodes.YAML_SYNTAX,
                line,
                path,
                "unsupported YAML tag '"
                    + (tag.contains(":") ? tag : "!" + tag)
                    + "': a deployment is plain YAML (tags such as !!java… or !include are"
                    + " not read, and are not silently dropped either)"));
      }
    }
    count(1, line);
    JsonNode node =
        switch (parser.currentToken()) {
          case START_OBJECT -> readObject(parser, path);
          case START_ARRAY -> readArray(parser, path);
          case VALUE_STRING -> readString(parser, line);
          case VALUE_NUMBER_INT -> readInteger(parser);
          case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
          case VALUE_TRUE -> NODES.booleanNode(true);
          case VALUE_FALSE -> NODES.booleanNode(false);
          case VALUE_NULL -> NODES.nullNode();
          default -> NODES.textNode(parser.getText());
        };
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  private JsonNode readString(JsonParser parser, int line) throws IOException {
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      JsonNode anchored = anchors.get(parser.getText());
      if (anchored == null) {
        problems.add(
            problem(
                DiagnosticCodes.YAML_SYNTAX,
                line,
                null,
                "YAML syntax error: unknown alias '*" + parser.getText() + "'"));
        return NODES.nullNode();
      }
      count(sizeOf(anchored), line);
      if (depth + heightOf(anchored) > MAX_DEPTH) {
        throw new TooLargeException(
            line, "the document nests deeper than " + MAX_DEPTH + " levels (through aliases)");
      }
      return anchored.deepCopy();
    }
    return NODES.textNode(parser.getText());
  }

  private static JsonNode readInteger(JsonParser parser) throws IOException {
    return switch (parser.getNumberType()) {
      case INT -> NODES.numberNode(parser.getIntValue());
      case LONG -> NODES.numberNode(parser.getLongValue());
      default -> NODES.numberNode(parser.getBigIntegerValue());
    };
  }

  private ObjectNode readObject(JsonParser parser, String path) throws IOException {
    enter(1, parser);
    ObjectNode object = NODES.objectNode();
    List<JsonNode> merges = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      int keyLine = lineOf(parser.currentTokenLocation());
      String childPath = SourceMap.child(path, key);
      parser.nextToken();
      if (MERGE_KEY.equals(key) && parser instanceof YAMLParser) {
        merges.add(readValue(parser, path + ".<<"));
        continue;
      }
      if (object.has(key)) {
        problems.add(
            problem(
                DiagnosticCodes.DUPLICATE_KEY,
                keyLine,
                childPath,
                "the key '"
                    + key
                    + "' appears twice in this mapping (first at line "
                    + lines.get(childPath)
                    + ")"));
        readValue(parser, path + ".<duplicate>");
        continue;
      }
      // a key's line is where the key is written; a nested mapping's own first key may be later
      lines.put(childPath, keyLine);
      object.set(key, readValue(parser, childPath));
    }
    for (JsonNode merge : merges) {
      merge(object, merge);
    }
    depth--;
    return object;
  }

  /** YAML's merge key: {@code <<: *defaults} adds the keys the mapping does not set itself. */
  private static void merge(ObjectNode target, JsonNode source) {
    if (source.isArray()) {
      source.forEach(s -> merge(target, s));
    } else if (source.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!target.has(e.getKey())) {
          target.set(e.getKey(), e.getValue().deepCopy());
        }
      }
    }
  }

  private ArrayNode readArray(JsonParser parser, String path) throws IOException {
    enter(1, parser);
    ArrayNode array = NODES.arrayNode();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      array.add(readValue(parser, SourceMap.element(path, array.size())));
    }
    depth--;
    return array;
  }

  private void count(int added, int line) {
    nodes += added;
    if (nodes > MAX_NODES) {
      throw new TooLargeException(line);
    }
  }

  private void enter(int levels, JsonParser parser) {
    depth += levels;
    if (depth > MAX_DEPTH) {
      throw new TooLargeException(
          lineOf(parser.currentTokenLocation()),
          "the document nests deeper than " + MAX_DEPTH + " levels");
    }
  }

  // bounded: every node built so far is at most MAX_DEPTH deep
  private static int heightOf(JsonNode node) {
    int height = 0;
    for (JsonNode child : node) {
      height = Math.max(height, heightOf(child));
    }
    return node.isContainerNode() ? height + 1 : 0;
  }

  private static int sizeOf(JsonNode node) {
    int size = 1;
    for (JsonNode child : node) {
      size += sizeOf(child);
    }
    return size;
  }

  private static int lineOf(JsonLocation location) {
    return location == null ? 0 : Math.max(0, location.getLineNr());
  }

  private Diagnostic syntaxError(MarkedYAMLException e) {
    int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
    StringBuilder message = new StringBuilder("YAML syntax error: ").append(e.getProblem());
    if (e.getContext() != null) {
      message.append(" (").append(e.getContext());
      if (e.getContextMark() != null && e.getContextMark().getLine() + 1 != line) {
        message.append(" at line ").append(e.getContextMark().getLine() + 1);
      }
      message.append(")");
    }
    return problem(DiagnosticCodes.YAML_SYNTAX, line, null, message.toString());
  }

  private Diagnostic syntaxError(JacksonException e) {
    // Jackson wraps SnakeYAML's exception; its problem mark is more precise than Jackson's location
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c instanceof MarkedYAMLException marked) {
        return syntaxError(marked);
      }
    }
    // the file may be anything (a symlink to a system file): the message quotes none of it
    String detail =
        e.getOriginalMessage().replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"");
    int newline = detail.indexOf('\n');
    return problem(
        DiagnosticCodes.YAML_SYNTAX,
        lineOf(e.getLocation()),
        null,
        "syntax error: " + (newline < 0 ? detail : detail.substring(0, newline)));
  }

  private Diagnostic problem(String code, int line, String property, String message) {
    return new Diagnostic(
        code,
        new SourceLocation(origin, line),
        null,
        property == null || property.isEmpty() ? null : property,
        message);
  }

  /** Thrown when aliases expand the document beyond {@link #MAX_NODES}. */
  private static final class TooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;

    TooLargeException(int line) {
      this(line, "the document expands to more than " + MAX_NODES + " values (through aliases?)");
    }

    TooLargeException(int line, String message) {
      super(message);
      this.line = line;
    }
  }
}
