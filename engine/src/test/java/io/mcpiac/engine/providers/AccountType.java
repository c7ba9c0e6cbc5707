package io.mcpiac.engine.providers;

import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.ResourceType;
import java.util.Map;
import java.util.Set;

/** A test system's {@code vault:account}: a secret {@code password} and a plain {@code note}. */
public final class AccountType {
  private AccountType() {}

  public static final ResourceType ACCOUNT =
      new ResourceType(
          "vault:account",
          "an account",
          Json.parse(
              "{\"type\": \"object\", \"properties\": {\"password\": {\"type\": \"string\"},"
                  + " \"note\": {\"type\": \"string\"}}}"),
          Set.of(),
          Set.of("password"),
          Map.of(),
          true);
}
