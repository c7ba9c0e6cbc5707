package io.mcpiac.engine.providers.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in provider. {@code core:data} holds {@code input} (any JSON value) and exposes it as
 * the output {@code output}, like Terraform's {@code terraform_data}; it lives in state only, so a
 * read finds exactly what state recorded. Its test properties ({@code failOnCreate}, {@code
 * failOnUpdate}, {@code failOnDelete}, {@code delayMs}) go through the real engine path.
 */
public final class CoreProvider implements Provider {
  public static final String NAME = "core";
  public static final String DATA = "core:data";

  private static final ResourceType DATA_TYPE =
      new ResourceType(
          DATA,
          "Holds a value and passes it on as its output, like Terraform's terraform_data.",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "input": {"description": "Any JSON value; exposed as the output 'output'."},
                  "triggersReplace": {"description": "Any JSON value; changing it replaces the resource."},
                  "failOnCreate": {"type": "boolean", "description": "Test: creating fails."},
                  "failOnUpdate": {"type": "boolean", "description": "Test: updating fails."},
                  "failOnDelete": {"type": "boolean", "description": "Test: deleting fails."},
                  "delayMs": {"type": "integer", "minimum": 0, "maximum": 600000,
                              "description": "Test: each change takes this long."}
                }
              }
              """),
          Set.of("triggersReplace"),
          Set.of(),
          Map.of("output", "the value of input"),
          true);

  /** {@code spec.outputs}, written by the engine (see {@code Outputs}); lives in state only. */
  private static final ResourceType OUTPUTS_TYPE =
      new ResourceType(
          io.mcpiac.engine.config.Outputs.TYPE,
          "The deployment's outputs (spec.outputs): one property per output. Written by the"
              + " engine from spec.outputs, not by hand.",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object"
              }
              """),
          Set.of(),
          Set.of(),
          Map.of(),
          true);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<ResourceType> resourceTypes() {
    return List.of(DATA_TYPE, OUTPUTS_TYPE);
  }

  @Override
  public Map<String, LiveResource> read(ResourceType type, List<ReadRequest> resources) {
    Map<String, LiveResource> live = new LinkedHashMap<>();
    for (ReadRequest r : resources) {
      // the object is its properties; its output follows from them (also after a crash, when
      // only the journalled intent knows the properties)
      ObjectNode outputs =
          type.name().equals(OUTPUTS_TYPE.name()) ? Json.object() : outputsOf(r.properties());
      live.put(r.name(), new LiveResource(r.name(), r.id(), r.properties(), outputs));
    }
    return live;
  }

  /**
   * Changes share calls (the default batches), which spares the journal a transaction pair per
   * resource; one with a {@code delayMs} runs alone, so that delays run in parallel as they would
   * on real systems.
   */
  @Override
  public boolean batchable(ResourceType type, ObjectNode properties) {
    return !properties.has("delayMs");
  }

  @Override
  public ObjectNode plannedOutputs(ResourceType type, ObjectNode desired, ObjectNode prior) {
    if (type.name().equals(OUTPUTS_TYPE.name())) {
      return Json.object();
    }
    return outputsOf(desired);
  }

  @Override
  public List<ChangeResult> apply(List<Change> batch) {
    List<ChangeResult> results = new ArrayList<>(batch.size());
    for (Change change : batch) {
      results.add(applyOne(change));
    }
    return results;
  }

  private ChangeResult applyOne(Change change) {
    if (change.type().name().equals(OUTPUTS_TYPE.name())) {
      return ChangeResult.ok(change.name(), change.id(), Json.object());
    }
    ObjectNode props = change.kind() == Change.Kind.DELETE ? change.prior() : change.desired();
    long delay = props == null ? 0 : props.path("delayMs").asLong(0);
    if (delay > 0) {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return ChangeResult.failed(change.name(), "interrupted");
      }
    }
    String flag =
        switch (change.kind()) {
          case CREATE -> "failOnCreate";
          case UPDATE -> "failOnUpdate";
          case DELETE -> "failOnDelete";
        };
    if (props != null && props.path(flag).asBoolean(false)) {
      return ChangeResult.failed(
          change.name(), "core:data '" + change.name() + "' has " + flag + " set");
    }
    return ChangeResult.ok(change.name(), change.id(), outputsOf(props));
  }

  private static ObjectNode outputsOf(ObjectNode props) {
    ObjectNode outputs = Json.object();
    JsonNode input = props == null ? null : props.get("input");
    outputs.set("output", input == null ? Json.MAPPER.nullNode() : input.deepCopy());
    if (input != null && Values.containsUnknown(input)) {
      outputs.set("output", Values.UNKNOWN);
    }
    return outputs;
  }
}
