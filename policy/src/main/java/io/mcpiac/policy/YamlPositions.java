package io.mcpiac.policy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where each value of a YAML text starts (line and column), by document and path ({@code
 * spec.rules[1].condition}), so that a CEL error inside a policy is reported at the policy file's
 * own line and column, not at the expression's.
 */
final class YamlPositions {
  /** Where a value starts; {@code contentLine} is where a block scalar's text starts. */
  record Position(int line, int column, boolean quoted, boolean block) {
    static final Position NONE = new Position(0, 0, false, false);
  }

  private final List<Map<String, Position>> documents = new ArrayList<>();
  private final String[] lines;

  private YamlPositions(String text) {
    this.lines = text.split("\n", -1);
  }

  static YamlPositions of(String text) {
    YamlPositions p = new YamlPositions(text);
    try {
      for (Node root : new Yaml(new LoaderOptions()).composeAll(new StringReader(text))) {
        Map<String, Position> map = new HashMap<>();
        p.walk(root, "", map);
        p.documents.add(map);
      }
    } catch (RuntimeException unparsable) {
      // the value parser reports the syntax error itself; positions are then unknown
    }
    return p;
  }

  Position at(int document, String path) {
    if (document >= documents.size()) {
      return Position.NONE;
    }
    Position p = documents.get(document).get(path);
    return p == null ? Position.NONE : p;
  }

  /** The line (1-based) nearest to {@code path}: its own, else its closest parent's. */
  int lineOf(int document, String path) {
    String p = path;
    while (true) {
      Position at = at(document, p);
      if (at.line() > 0 || p.isEmpty()) {
        return at.line();
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
  }

  /**
   * The file's line and column (both 1-based) of an expression's own line and column ({@code
   * exprLine} 1-based, {@code exprColumn} 0-based, as CEL reports them).
   */
  int[] translate(int document, String path, int exprLine, int exprColumn) {
    Position p = at(document, path);
    if (p.line() == 0) {
      return new int[] {0, 0};
    }
    if (p.block()) {
      int line = p.line() + exprLine; // the text starts on the line after '|' or '>'
      String raw = line - 1 < lines.length ? lines[line - 1] : "";
      int indent = raw.length() - raw.stripLeading().length();
      return new int[] {line, indent + exprColumn + 1};
    }
    if (exprLine <= 1) {
      return new int[] {p.line(), p.column() + (p.quoted() ? 1 : 0) + exprColumn};
    }
    return new int[] {p.line() + exprLine - 1, exprColumn + 1};
  }

  private void walk(Node node, String path, Map<String, Position> map) {
    boolean quoted = false;
    boolean block = false;
    if (node instanceof ScalarNode s) {
      DumperOptions.ScalarStyle style = s.getScalarStyle();
      quoted =
          style == DumperOptions.ScalarStyle.SINGLE_QUOTED
              || style == DumperOptions.ScalarStyle.DOUBLE_QUOTED;
      block =
          style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED;
    }
    map.put(
        path,
        new Position(
            node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, quoted, block));
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k) {
          walk(t.getValueNode(), path.isEmpty() ? k.getValue() : path + "." + k.getValue(), map);
        }
      }
    } else if (node instanceof SequenceNode seq) {
      for (int i = 0; i < seq.getValue().size(); i++) {
        walk(seq.getValue().get(i), path + "[" + i + "]", map);
      }
    }
  }
}
