package io.mcpiac.opnsense.emulator.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One leaf of an OPNsense model (the PHP {@code BaseField} family). A field knows how to validate a
 * stored string, how {@code get} renders it and how its value reads for humans (the {@code %field}
 * descriptions and the search phrase). Every value on the wire and in storage is a string, as in
 * OPNsense.
 */
public abstract class Field {
  private final String name;
  private boolean required;
  private String defaultValue = "";
  private boolean volatileValue;
  private String message;
  private String changeCase;
  private boolean stringSetter;
  private final List<Constraint> constraints = new ArrayList<>();

  protected Field(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public boolean required() {
    return required;
  }

  public Field setRequired(boolean required) {
    this.required = required;
    return this;
  }

  public Field setDefault(String value) {
    this.defaultValue = value == null ? "" : value;
    return this;
  }

  /** Volatile fields are not persisted (computed or write-through values). */
  public boolean isVolatile() {
    return volatileValue;
  }

  public Field setVolatile(boolean v) {
    this.volatileValue = v;
    return this;
  }

  /** The model's {@code <ValidationMessage>}, overriding the type's generic text. */
  public Field setMessage(String message) {
    this.message = message;
    return this;
  }

  protected String message(String generic) {
    return message != null ? message : generic;
  }

  /**
   * {@code BaseField::getValidationMessage($content)}: the model's message, else the type's; one
   * {@code %s} in it is filled with the content.
   */
  protected String message(io.mcpiac.opnsense.emulator.messages.Message generic, String content) {
    return io.mcpiac.opnsense.emulator.messages.Php.validationMessage(
        message != null ? message : generic.template(), content);
  }

  protected boolean hasCustomMessage() {
    return message != null;
  }

  public Field setChangeCase(String changeCase) {
    this.changeCase = changeCase;
    return this;
  }

  /**
   * Whether PHP's {@code setValue} hands the input to a string-typed function (trim, strtolower,
   * applyChangeCase): an array sent there is a TypeError (HTTP 500) even before 26.1.11.
   */
  public boolean stringSetter() {
    return stringSetter || changeCase != null;
  }

  public Field setStringSetter(boolean v) {
    this.stringSetter = v;
    return this;
  }

  public Field addConstraint(Constraint c) {
    constraints.add(c);
    return this;
  }

  public List<Constraint> constraints() {
    return constraints;
  }

  /** The value a freshly created item gets (model default, auto numbers, generated ids). */
  public String initialValue(FieldContext ctx) {
    return defaultValue;
  }

  public String defaultValue() {
    return defaultValue;
  }

  /** What {@code setValue} does to input (ChangeCase and friends). */
  public String normalize(String input) {
    if (input == null) {
      return "";
    }
    if ("lower".equals(changeCase)) {
      return input.toLowerCase(Locale.ROOT);
    }
    if ("upper".equals(changeCase)) {
      return input.toUpperCase(Locale.ROOT);
    }
    return input;
  }

  /** Whether clients may write this field; read-only fields keep their stored value. */
  public boolean writable() {
    return true;
  }

  /**
   * Type validation of a non-empty value. Empty values are checked only for {@code Required}, as
   * OPNsense validators only run on non-empty values.
   */
  public abstract List<String> validateValue(String value, FieldContext ctx);

  /** The {@code get} encoding (1.8): plain string by default. */
  public JsonNode encodeForGet(String value, FieldContext ctx) {
    return TextNode.valueOf(value);
  }

  /**
   * True when {@code get} renders this field as a plain string (so a {@code %field} may follow).
   */
  public boolean rendersAsText() {
    return true;
  }

  /** Human text for a stored value: option labels, alias descriptions, … */
  public String describe(String value, FieldContext ctx) {
    return value;
  }

  protected static List<String> none() {
    return List.of();
  }

  protected static List<String> one(String msg) {
    return List.of(msg);
  }
}
