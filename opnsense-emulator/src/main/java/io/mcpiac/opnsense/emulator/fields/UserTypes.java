package io.mcpiac.opnsense.emulator.fields;

/** Model-local field types of {@code M/Auth/FieldTypes}. */
public final class UserTypes {
  private UserTypes() {}

  public static Field username(String name) {
    return new CheckedTextField(
        name,
        (v, c) -> v.length() <= 32 && v.matches("^[a-zA-Z0-9.\\-_]+$"),
        v -> "A username must contain a maximum of 32 alphanumeric characters.");
  }

  /** {@code ExpiresField}: a date as {@code MM/DD/YYYY}. */
  public static Field expires(String name) {
    return new CheckedTextField(
        name,
        (v, c) -> v.matches("^(0?[1-9]|1[0-2])/(0?[1-9]|[12][0-9]|3[01])/[0-9]{4}$"),
        v -> "Invalid expiration date format; use MM/DD/YYYY instead.");
  }
}
