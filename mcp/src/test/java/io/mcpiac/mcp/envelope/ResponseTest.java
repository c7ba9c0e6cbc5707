package io.mcpiac.mcp.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.json.Json;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The envelope is written by the server and read by the orchestrator through the same codec. */
class ResponseTest {
  private final Envelope envelope = new Envelope("mcp-iac", "1.2.3");

  private static JsonNode structured(CallToolResult r) {
    return Json.MAPPER.valueToTree(r.structuredContent());
  }

  private static List<String> keys(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void aSuccessKeepsItsShapeAndReadsBack() {
    CallToolResult r =
        envelope.success(
            new Reply(Json.parseObject("{\"planId\": \"p-1\"}"), "planned"), Instant.now());
    JsonNode body = structured(r);
    assertThat(keys(body)).containsExactly("success", "data", "metadata");
    assertThat(keys(body.path("metadata")))
        .containsExactly("timestamp", "duration", "server", "version");
    assertThat(r.isError()).isFalse();

    Response read = Response.fromJson(body).orElseThrow();
    assertThat(read.success()).isTrue();
    assertThat(read.data().path("planId").asText()).isEqualTo("p-1");
    assertThat(read.metadata().server()).isEqualTo("mcp-iac");
    assertThat(read.metadata().version()).isEqualTo("1.2.3");
    assertThat(read.toJson()).isEqualTo(body);
  }

  @Test
  void aFailureKeepsItsShapeCodeMessageAndDetails() {
    JsonNode details = Json.parseObject("{\"results\": [{\"resource\": \"a\"}]}");
    CallToolResult r =
        envelope.failure(
            new ToolFailure(ErrorCode.PROVIDER_ERROR, "it broke", details), Instant.now());
    JsonNode body = structured(r);
    assertThat(keys(body)).containsExactly("success", "error", "metadata");
    assertThat(keys(body.path("error"))).containsExactly("code", "message", "details");
    assertThat(r.isError()).isTrue();

    Response read = Response.fromJson(body).orElseThrow();
    assertThat(read.success()).isFalse();
    assertThat(read.errorCode()).isEqualTo("PROVIDER_ERROR");
    assertThat(read.errorMessage()).isEqualTo("it broke");
    assertThat(read.errorDetails()).isEqualTo(details);
    assertThat(read.data()).isNull();
    assertThat(read.toJson()).isEqualTo(body);
  }

  @Test
  void whatIsNotAnEnvelopeIsSaidSo() {
    assertThat(Response.fromJson(null)).isEmpty();
    assertThat(Response.fromJson(Json.parseObject("{\"result\": 1}"))).isEmpty();
    assertThat(Response.fromJson(Json.parse("[1]"))).isEmpty();
  }
}
