package io.mcpiac.engine.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Secrets;
import io.mcpiac.engine.resources.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saved plans ({@code plan --out}), as JSON. Secret values in the configuration are replaced by
 * their digests: a plan file can be shared without leaking them.
 */
public final class PlanFile {
  public static final String FORMAT = "mcp-iac-plan/v1";

  private PlanFile() {}

  public static void write(Plan plan, ProviderRegistry registry, Path file) throws IOException {
    ObjectNode root = Json.object();
    root.put("format", FORMAT);
    root.set("plan", Json.MAPPER.valueToTree(redacted(plan, registry)));
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, Json.pretty(root));
  }

  /** True when {@code file} looks like a saved plan rather than a deployment. */
  public static boolean isPlanFile(Path file) {
    try {
      String head = Files.readString(file);
      if (!head.stripLeading().startsWith("{")) {
        return false;
      }
      return FORMAT.equals(Json.parse(head).path("format").asText());
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * @throws NotAPlanException when the file is not JSON of {@link #FORMAT}
   */
  public static Plan read(Path file) throws IOException {
    JsonNode root;
    try {
      root = Json.parse(Files.readString(file));
    } catch (IllegalArgumentException notJson) {
      throw new NotAPlanException(file);
    }
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new NotAPlanException(file);
    }
    return Json.MAPPER.treeToValue(root.get("plan"), Plan.class);
  }

  /** A file that is not a saved plan (a deployment, say). */
  public static final class NotAPlanException extends IOException {
    private static final long serialVersionUID = 1L;

    NotAPlanException(Path file) {
      super(file + " is not a saved plan (" + FORMAT + ")");
    }
  }

  private static Plan redacted(Plan plan, ProviderRegistry registry) {
    Deployment d = plan.deployment();
    List<ResourceConfig> resources = new ArrayList<>();
    for (ResourceConfig r : d.resources()) {
      ResourceType type = registry.type(r.type()).orElse(null);
      ObjectNode props = Values.redact(type, Values.salt(d.name(), r.name()), r.properties());
      resources.add(r.withProperties(props));
    }
    // sensitive variables are never written: applying the plan needs them given again
    java.util.Map<String, JsonNode> sensitive = new java.util.LinkedHashMap<>();
    d.sensitiveValues()
        .forEach(
            (name, value) ->
                sensitive.put(
                    name,
                    Values.isSensitive(value)
                        ? value
                        : Values.sensitive(d.name() + "/var/" + name, Secrets.reveal(value))));
    return plan.withDeployment(
        new Deployment(
            d.name(), d.providers(), resources, d.location(), sensitive, d.sensitiveProperties()));
  }
}
