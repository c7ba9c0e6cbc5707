package io.mcpiac.engine.config;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * {@code mcp-iac fmt}: a deployment file in its canonical YAML, comments kept. Canonical means:
 * block style with two-space indentation and list items indented under their key; the keys of the
 * document, {@code metadata}, {@code spec} and each resource in a fixed order (other keys after
 * them, as written); properties in the order written; strings unquoted unless YAML needs quotes
 * (then double quotes), multi-line strings as literal blocks. Formatting twice changes nothing.
 */
public final class DeploymentFormatter {
  private static final List<String> DOCUMENT = List.of("apiVersion", "kind", "metadata", "spec");
  private static final List<String> METADATA =
      List.of("name", "description", "labels", "annotations");
  private static final List<String> SPEC =
      List.of("providers", "variables", "resources", "outputs", MovedList.KEY);
  private static final List<String> RESOURCE =
      List.of("type", "name", "provider", "dependsOn", "properties");
  private static final Map<String, List<String>> ORDER_BY_PATH =
      Map.of("", DOCUMENT, "metadata", METADATA, "spec", SPEC, "spec.resources[]", RESOURCE);

  private static final org.yaml.snakeyaml.resolver.Resolver RESOLVER =
      new org.yaml.snakeyaml.resolver.Resolver();

  private DeploymentFormatter() {}

  /**
   * @throws org.yaml.snakeyaml.error.YAMLException when the text is not YAML
   */
  public static String format(String text) {
    LoaderOptions load = new LoaderOptions();
    load.setProcessComments(true);
    DumperOptions dump = new DumperOptions();
    dump.setProcessComments(true);
    dump.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    dump.setIndent(2);
    dump.setIndicatorIndent(2);
    dump.setIndentWithIndicator(true);
    dump.setWidth(100);
    dump.setSplitLines(false);
    Yaml yaml = new Yaml(load, dump);
    Node root = yaml.compose(new StringReader(text));
    if (root == null) {
      return text;
    }
    Node canonical = canonical(root, "");
    StringWriter out = new StringWriter();
    yaml.serialize(canonical, out);
    String formatted = commentsAboveDashes(out.toString());
    if (!sameContent(text, formatted)) {
      // a guard, not an expected path: formatting must never change what the file says
      throw new IllegalStateException("formatting would change the file's content; left as is");
    }
    return formatted;
  }

  private static boolean sameContent(String a, String b) {
    var mapper =
        new com.fasterxml.jackson.databind.ObjectMapper(
            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    try {
      return java.util.Objects.equals(mapper.readTree(a), mapper.readTree(b));
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static Node canonical(Node node, String path) {
    if (node instanceof MappingNode map) {
      map.setFlowStyle(DumperOptions.FlowStyle.BLOCK);
      List<NodeTuple> tuples = new ArrayList<>();
      for (NodeTuple t : map.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
        liftInLineComments(t);
        tuples.add(
            new NodeTuple(
                canonical(t.getKeyNode(), "#"), canonical(t.getValueNode(), child(path, key))));
      }
      List<String> order = ORDER_BY_PATH.get(path);
      if (order != null && !tuples.isEmpty()) {
        // a comment above the mapping is attached to its first key: it stays on top
        Node firstKey = tuples.get(0).getKeyNode();
        List<org.yaml.snakeyaml.comments.CommentLine> above = firstKey.getBlockComments();
        firstKey.setBlockComments(null);
        tuples.sort(
            java.util.Comparator.comparingInt(
                t -> {
                  int i = t.getKeyNode() instanceof ScalarNode s ? order.indexOf(s.getValue()) : -1;
                  return i < 0 ? order.size() : i;
                }));
        tuples.get(0).getKeyNode().setBlockComments(above);
      }
      map.setValue(tuples);
      return map;
    }
    if (node instanceof SequenceNode seq) {
      seq.setFlowStyle(DumperOptions.FlowStyle.BLOCK);
      List<Node> items = new ArrayList<>();
      for (Node item : seq.getValue()) {
        Node formatted = canonical(item, path + "[]");
        // a comment above "- key: …" is attached to that key; written there it would follow the
        // dash, so it moves to the item itself, which is written above the dash
        if (formatted instanceof MappingNode m && !m.getValue().isEmpty()) {
          Node firstKey = m.getValue().get(0).getKeyNode();
          if (firstKey.getBlockComments() != null && !firstKey.getBlockComments().isEmpty()) {
            List<org.yaml.snakeyaml.comments.CommentLine> above = new ArrayList<>();
            if (m.getBlockComments() != null) {
              above.addAll(m.getBlockComments());
            }
            above.addAll(firstKey.getBlockComments());
            m.setBlockComments(above);
            firstKey.setBlockComments(null);
          }
        }
        items.add(formatted);
      }
      seq.getValue().clear();
      seq.getValue().addAll(items);
      return seq;
    }
    if (node instanceof ScalarNode s && Tag.STR.equals(s.getTag())) {
      DumperOptions.ScalarStyle style;
      if (s.getValue().contains("\n")) {
        style = DumperOptions.ScalarStyle.LITERAL;
      } else if (!Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, s.getValue(), true))) {
        style = DumperOptions.ScalarStyle.DOUBLE_QUOTED; // "123", "yes": a string, not a number
      } else {
        style = DumperOptions.ScalarStyle.PLAIN; // the emitter quotes where YAML needs it
      }
      if (style == s.getScalarStyle()) {
        return s;
      }
      ScalarNode plain =
          new ScalarNode(s.getTag(), true, s.getValue(), s.getStartMark(), s.getEndMark(), style);
      plain.setBlockComments(s.getBlockComments());
      plain.setInLineComments(s.getInLineComments());
      plain.setEndComments(s.getEndComments());
      plain.setAnchor(s.getAnchor());
      return plain;
    }
    return node;
  }

  /**
   * A comment after a flow collection ({@code key: {a: 1} # why}) belongs after the key once the
   * collection is written as a block; SnakeYAML cannot emit it where it was.
   */
  private static void liftInLineComments(NodeTuple t) {
    Node value = t.getValueNode();
    if (value instanceof ScalarNode) {
      return;
    }
    List<org.yaml.snakeyaml.comments.CommentLine> comments = new ArrayList<>();
    if (value.getInLineComments() != null) {
      comments.addAll(value.getInLineComments());
      value.setInLineComments(null);
    }
    if (comments.isEmpty()) {
      return;
    }
    Node key = t.getKeyNode();
    List<org.yaml.snakeyaml.comments.CommentLine> kept = new ArrayList<>();
    if (key.getInLineComments() != null) {
      kept.addAll(key.getInLineComments());
    }
    kept.addAll(comments);
    key.setInLineComments(kept);
  }

  /**
   * SnakeYAML writes the comments of a list item after its dash ({@code "- "}, then the comments,
   * then the first key); people write them above the dash. Moves them there.
   */
  static String commentsAboveDashes(String text) {
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String trimmed = line.strip();
      if (trimmed.equals("-") || trimmed.startsWith("- #")) {
        String indent = line.substring(0, line.indexOf('-'));
        int j = i + 1;
        List<String> comments = new ArrayList<>();
        if (trimmed.startsWith("- #")) {
          comments.add(indent + trimmed.substring(2));
        }
        while (j < lines.length && (lines[j].isBlank() || lines[j].strip().startsWith("#"))) {
          comments.add(lines[j].isBlank() ? "" : indent + lines[j].strip());
          j++;
        }
        if (j < lines.length && lines[j].startsWith(indent + "  ")) {
          comments.forEach(c -> out.append(c).append('\n'));
          out.append(indent).append("- ").append(lines[j].substring(indent.length() + 2));
          out.append(j == lines.length - 1 ? "" : "\n");
          i = j;
          continue;
        }
      }
      out.append(line).append(i == lines.length - 1 ? "" : "\n");
    }
    return out.toString();
  }

  private static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
