package io.mcpiac.opnsense.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.VersionProfile;
import io.mcpiac.opnsense.emulator.fields.Field;
import io.mcpiac.opnsense.emulator.fields.UpdateOnlyTextField;
import io.mcpiac.opnsense.emulator.model.ItemModel;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code BaseField::setNodes}: copies the known keys of a request object onto an item. JSON numbers
 * become strings, {@code true} becomes "1" and {@code false} "" (PHP casts); unknown keys are
 * ignored; an array for a scalar field is an error since 26.1.11 and before that either a TypeError
 * (fields whose setter needs a string) or the string "Array"; a non-object for a container is
 * always an error.
 */
public final class InputApplier {
  /** Input PHP cannot take: answered with HTTP 500 "Unexpected error". */
  public static final class BadInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInput(String message) {
      super(message);
    }
  }

  private InputApplier() {}

  public static void apply(
      ItemModel model, ObjectNode item, JsonNode input, VersionProfile version) {
    if (input == null || input.isNull()) {
      return;
    }
    if (!input.isObject()) {
      throw new BadInput("expected an object");
    }
    Iterator<Map.Entry<String, JsonNode>> it = input.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      Object child = model.children().get(e.getKey());
      if (child instanceof Field f) {
        JsonNode v = e.getValue();
        String value;
        if (v.isContainerNode()) {
          if (version.rejectsArraysForScalars() || f.stringSetter()) {
            throw new BadInput(
                "Invalid input type for " + e.getKey() + ": expected a single value");
          }
          value = "Array";
        } else if (v.isBoolean()) {
          value = v.asBoolean() ? "1" : "";
        } else if (v.isNull()) {
          value = "";
        } else {
          value = v.asText();
        }
        if (!f.writable()) {
          continue;
        }
        if (f instanceof UpdateOnlyTextField && value.isEmpty()) {
          continue;
        }
        item.put(e.getKey(), f.normalize(value));
      } else if (child instanceof ItemModel container) {
        if (!e.getValue().isObject()) {
          throw new BadInput("container " + e.getKey() + " needs an object");
        }
        JsonNode existing = item.get(e.getKey());
        ObjectNode target = existing instanceof ObjectNode o ? o : item.putObject(e.getKey());
        apply(container, target, e.getValue(), version);
      }
    }
  }
}
