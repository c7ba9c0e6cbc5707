package io.mcpiac.opnsense.emulator.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a model table ({@code models/*.md}): the field as OPNsense's XML declares it, before
 * it becomes a {@link io.mcpiac.opnsense.emulator.fields.Field}.
 *
 * @param attributes {@code Key=Value} settings such as {@code Multiple}, {@code MinimumValue},
 *     {@code Mask}, {@code Model}
 * @param constraints raw constraint declarations ({@code UniqueConstraint(addFields=if) msg="…"})
 * @param references {@code ref:<field>.check00N} entries: constraints of other fields this one
 *     triggers again
 */
public record FieldSpec(
    String name,
    String type,
    boolean required,
    String defaultValue,
    Map<String, String> attributes,
    LinkedHashMap<String, String> options,
    String message,
    List<String> constraints,
    List<String> references,
    boolean isVolatile) {

  public String attr(String key) {
    return attributes.get(key);
  }

  public boolean flag(String key) {
    return "Y".equals(attributes.get(key));
  }
}
