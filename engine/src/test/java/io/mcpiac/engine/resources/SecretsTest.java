package io.mcpiac.engine.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.References;
import io.mcpiac.engine.json.Json;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The API other features mark values secret with, and what the mark guarantees. */
class SecretsTest {
  private static final ResourceType USER =
      new ResourceType(
          "t:user", "", Json.object(), Set.of(), Set.of("password", "native.otp"), Map.of(), true);

  @Test
  void aMarkedValueNeverSerialisesInClearButReadsInClear() {
    JsonNode secret = Secrets.mark(Json.MAPPER.getNodeFactory().textNode("hunter2"));
    ObjectNode holder = Json.object();
    holder.set("a", secret);
    holder.set("copy", holder.deepCopy());
    assertThat(secret.textValue()).isEqualTo("hunter2");
    assertThat(Json.write(holder)).doesNotContain("hunter2");
    assertThat(holder.toString()).doesNotContain("hunter2");
    assertThat(Values.display(secret)).isEqualTo("(sensitive)");
    assertThat(Secrets.isSecret(holder.get("copy").get("a"))).isTrue();
    assertThat(Secrets.reveal(holder).get("a").textValue()).isEqualTo("hunter2");
  }

  @Test
  void referencesAndInterpolationCarryTheMark() {
    ObjectNode props = Json.object();
    props.put("password", "hunter2");
    ObjectNode marked = Secrets.markDeclared(USER, props);
    ObjectNode uses = Json.object();
    uses.put("whole", "${u.password}");
    uses.put("inside", "user:${u.password}@host");
    uses.put("plain", "no secret here");
    ObjectNode resolved =
        References.resolveObject(uses, ref -> References.at(marked, ref.attribute()));
    assertThat(Secrets.isSecret(resolved.get("whole"))).isTrue();
    assertThat(Secrets.isSecret(resolved.get("inside"))).isTrue();
    assertThat(resolved.get("inside").textValue()).isEqualTo("user:hunter2@host");
    assertThat(Secrets.isSecret(resolved.get("plain"))).isFalse();

    ObjectNode recorded = Values.redact(null, "d/r", resolved);
    assertThat(Json.write(recorded)).doesNotContain("hunter2");
    assertThat(Values.isSensitive(recorded.get("inside"))).isTrue();
    assertThat(recorded.get("plain").textValue()).isEqualTo("no secret here");
  }

  @Test
  void declaredNestedPathsAndTaintedAnswersAreSecret() {
    ObjectNode props = Json.object();
    props.putObject("native").put("otp", "SEED123").put("other", "x");
    ObjectNode recorded = Values.redact(USER, "d/u", props);
    assertThat(Values.isSensitive(recorded.get("native").get("otp"))).isTrue();
    assertThat(recorded.get("native").get("other").textValue()).isEqualTo("x");

    ObjectNode answer = Json.object();
    answer.put("output", "prefix-SEED123");
    ObjectNode tainted =
        Secrets.taintObject(answer, Secrets.clearTexts(Secrets.markDeclared(USER, props)));
    assertThat(Secrets.isSecret(tainted.get("output"))).isTrue();
  }

  @Test
  void aLiveValueIsComparedByDigestWhereStateHasOne() {
    JsonNode recorded = Values.sensitive("d/r/description", Json.MAPPER.valueToTree("hunter2"));
    JsonNode same =
        Secrets.redactLike(recorded, Json.MAPPER.valueToTree("hunter2"), "d/r/description");
    JsonNode changed =
        Secrets.redactLike(recorded, Json.MAPPER.valueToTree("other"), "d/r/description");
    assertThat(same).isEqualTo(recorded);
    assertThat(changed).isNotEqualTo(recorded);
    assertThat(Values.isSensitive(changed)).isTrue();
  }
}
