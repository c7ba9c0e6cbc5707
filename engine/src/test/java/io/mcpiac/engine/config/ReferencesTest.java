package io.mcpiac.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.Values;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ReferencesTest {
  private static final JsonNode OUTPUT = Json.parse("{\"ip\": \"10.0.0.5\", \"port\": 8080}");

  /** a.output is an object, a.ip a text, a.port a number, later.x unknown; others absent. */
  private static final Function<Reference, JsonNode> LOOKUP =
      ref ->
          switch (ref.name()) {
            case "a" ->
                References.at(
                    Json.parse(
                        "{\"output\": " + OUTPUT + ", \"ip\": \"10.0.0.5\", \"port\": 8080}"),
                    ref.attribute());
            case "later" -> Values.UNKNOWN;
            default -> null;
          };

  @Test
  void findsShortAndQualifiedReferencesEverywhereInAValue() {
    JsonNode value =
        Json.parse(
            """
            {"a": "${web.ip}", "b": ["x", {"c": "http://${aws:ec2:app-1.ip}:${app-1.port}/"}],
             "d": 5, "e": "${ spaced.attr }"}
            """);

    assertThat(References.find(value))
        .containsExactly(
            new Reference(null, "web", "ip", "${web.ip}"),
            new Reference("aws:ec2", "app-1", "ip", "${aws:ec2:app-1.ip}"),
            new Reference(null, "app-1", "port", "${app-1.port}"),
            new Reference(null, "spaced", "attr", "${ spaced.attr }"));
  }

  @Test
  void theAttributeMayBeAPathWhoseRootIsTheOutputOrProperty() {
    Reference ref = References.find(TextNode.valueOf("${core:data:a.output.items.0}")).get(0);

    assertThat(ref.type()).isEqualTo("core:data");
    assertThat(ref.name()).isEqualTo("a");
    assertThat(ref.attribute()).isEqualTo("output.items.0");
    assertThat(ref.attributeRoot()).isEqualTo("output");
  }

  @Test
  void anEscapedDollarIsNoReference() {
    assertThat(References.find(TextNode.valueOf("echo $${HOME} $${a.b}"))).isEmpty();
    assertThat(References.malformed("echo $${HOME}")).isEmpty();
  }

  @Test
  void aWholeStringReferenceKeepsTheValuesType() {
    assertThat(References.resolve(TextNode.valueOf("${a.port}"), LOOKUP))
        .isEqualTo(IntNode.valueOf(8080));
    assertThat(References.resolve(TextNode.valueOf("${a.output}"), LOOKUP)).isEqualTo(OUTPUT);
    assertThat(References.resolve(TextNode.valueOf("${core:data:a.output.port}"), LOOKUP))
        .isEqualTo(IntNode.valueOf(8080));
  }

  @Test
  void referencesInsideLongerTextAreInterpolated() {
    assertThat(References.resolve(TextNode.valueOf("http://${a.ip}:${a.port}/x"), LOOKUP))
        .isEqualTo(TextNode.valueOf("http://10.0.0.5:8080/x"));
    assertThat(References.resolve(TextNode.valueOf("cfg=${a.output}"), LOOKUP))
        .isEqualTo(TextNode.valueOf("cfg={\"ip\":\"10.0.0.5\",\"port\":8080}"));
  }

  @Test
  void resolvesInsideObjectsAndArraysAndLeavesOtherValuesAlone() {
    JsonNode value =
        Json.parse("{\"list\": [\"${a.ip}\", 1, true, null], \"n\": {\"p\": \"${a.port}\"}}");

    assertThat(References.resolve(value, LOOKUP))
        .isEqualTo(Json.parse("{\"list\": [\"10.0.0.5\", 1, true, null], \"n\": {\"p\": 8080}}"));
    assertThat(value.get("n").get("p").textValue())
        .as("the input is not changed")
        .isEqualTo("${a.port}");
  }

  @Test
  void anUnknownValueMakesTheWholeStringUnknown() {
    assertThat(References.resolve(TextNode.valueOf("${later.x}"), LOOKUP))
        .isEqualTo(Values.UNKNOWN);
    assertThat(References.resolve(TextNode.valueOf("http://${later.x}:80"), LOOKUP))
        .isEqualTo(Values.UNKNOWN);
    assertThat(References.resolve(Json.parse("[\"${later.x}\", 1]"), LOOKUP).get(0))
        .isEqualTo(Values.UNKNOWN);
  }

  @Test
  void aValueContainingAnUnknownMakesInterpolatedTextUnknown() {
    Function<Reference, JsonNode> partlyKnown =
        ref -> Json.MAPPER.valueToTree(Map.of("ip", Values.UNKNOWN.textValue()));

    assertThat(References.resolve(TextNode.valueOf("cfg=${a.output}"), partlyKnown))
        .isEqualTo(Values.UNKNOWN);
  }

  @Test
  void anUnresolvableReferenceStaysAsWritten() {
    assertThat(References.resolve(TextNode.valueOf("${nobody.x}"), LOOKUP))
        .isEqualTo(TextNode.valueOf("${nobody.x}"));
    assertThat(References.resolve(TextNode.valueOf("to ${nobody.x}"), LOOKUP))
        .isEqualTo(TextNode.valueOf("to ${nobody.x}"));
  }

  @Test
  void doubleDollarEscapesALiteralReferenceMarker() {
    assertThat(References.resolve(TextNode.valueOf("echo $${HOME}"), LOOKUP))
        .isEqualTo(TextNode.valueOf("echo ${HOME}"));
    assertThat(References.resolve(TextNode.valueOf("$${a.ip} is ${a.ip}"), LOOKUP))
        .isEqualTo(TextNode.valueOf("${a.ip} is 10.0.0.5"));
  }

  @Test
  void substitutedValuesAreNeverUnescaped() {
    Function<Reference, JsonNode> dollars = ref -> TextNode.valueOf("cost $${x}");

    assertThat(References.resolve(TextNode.valueOf("say ${a.msg}"), dollars))
        .isEqualTo(TextNode.valueOf("say cost $${x}"));
  }

  @Test
  void malformedExpressionsAreFound() {
    assertThat(References.malformed("${a}")).containsExactly("${a}");
    assertThat(References.malformed("${}")).containsExactly("${}");
    assertThat(References.malformed("x ${a.} y ${a..b}")).containsExactly("${a.}", "${a..b}");
    assertThat(References.malformed("${a.b} and ${has space.x}")).containsExactly("${has space.x}");
    assertThat(References.malformed("${a.b} then ${c.d")).containsExactly("${c.d");
    assertThat(References.malformed("${unclosed")).containsExactly("${unclosed");
    assertThat(References.malformed("${a.b} ${aws:ec2:app-1.ip} $${x")).isEmpty();
  }

  @Test
  void atFollowsPathsIntoObjectsAndArrays() {
    JsonNode root = Json.parse("{\"items\": [{\"port\": 1}, {\"port\": 2}], \"u\": \"x\"}");

    assertThat(References.at(root, "items.1.port")).isEqualTo(IntNode.valueOf(2));
    assertThat(References.at(root, "items.7.port")).isNull();
    assertThat(References.at(root, "missing.deeper")).isNull();
    assertThat(References.at(Json.parse("{\"o\": \"\\u0000unknown\"}"), "o.deeper"))
        .isEqualTo(Values.UNKNOWN);
  }
}
