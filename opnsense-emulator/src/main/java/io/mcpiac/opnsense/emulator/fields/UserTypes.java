package io.mcpiac.opnsense.emulator.fields;

import io.mcpiac.opnsense.emulator.messages.Message;

/** Model-local field types of {@code M/Auth/FieldTypes}. */
public final class UserTypes {
  private UserTypes() {}

  public static Field username(String name) {
    return new CheckedTextField(
        name,
        (v, c) -> v.length() <= 32 && v.matches("^[a-zA-Z0-9.\\-_]+$"),
        v -> Message.USERNAME.text());
  }

  /** {@code ExpiresField}: a date as {@code MM/DD/YYYY}. */
  public static Field expires(String name) {
    return new CheckedTextField(
        name,
        (v, c) -> v.matches("^(0?[1-9]|1[0-2])/(0?[1-9]|[12][0-9]|3[01])/[0-9]{4}$"),
        v -> Message.EXPIRES.text());
  }
}
