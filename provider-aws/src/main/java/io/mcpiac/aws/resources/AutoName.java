package io.mcpiac.aws.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.kit.Props;
import java.util.Locale;

/**
 * Pulumi's auto-naming: where the file names no object (a group's {@code name}, a bucket's {@code
 * bucket}), the name is the resource name and a suffix from the id chosen before the create. It is
 * unique, and the same on every try of the same create, so a create whose answer was lost finds the
 * object it made by that name.
 */
final class AutoName {
  private AutoName() {}

  /** {@code property} of the change's properties, else the resource name and the id's suffix. */
  static String of(Change change, String property) {
    String given =
        Props.text(change.desired() != null ? change.desired() : change.prior(), property);
    return given != null ? given : change.name() + "-" + suffix(change.id());
  }

  /**
   * As {@link #of}, in the lower-case letters, digits and hyphens S3 buckets and RDS identifiers
   * take, starting with a letter, at most {@code max} characters.
   */
  static String dns(Change change, String property, int max) {
    String given =
        Props.text(change.desired() != null ? change.desired() : change.prior(), property);
    return given != null ? given : dns(change.name(), change.id(), max);
  }

  /** {@code property} of {@code props}, else as {@link #dns(String, String, int)}. */
  static String dns(String resource, String id, ObjectNode props, String property, int max) {
    String given = Props.text(props, property);
    return given != null ? given : dns(resource, id, max);
  }

  /**
   * The outputs known at plan time of an object whose id is its name: {@code id} and {@code name}
   * when the file gives the name (an auto name is chosen with the id, at apply).
   */
  static ObjectNode plannedOutputs(ObjectNode desired, ObjectNode prior, String property) {
    ObjectNode out = prior == null ? Json.object() : prior.deepCopy();
    if (Props.known(desired, property)) {
      out.put("id", Props.text(desired, property));
      out.put("name", Props.text(desired, property));
    }
    return out;
  }

  static String dns(String resource, String id, int max) {
    String base =
        resource
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^[^a-z]+", "")
            .replaceAll("-+$", "");
    if (base.isEmpty()) {
      base = "mcp-iac";
    }
    int room = max - 9;
    return (base.length() > room ? base.substring(0, room).replaceAll("-+$", "") : base)
        + "-"
        + suffix(id);
  }

  private static String suffix(String id) {
    return id.replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
  }
}
