package io.mcpiac.opnsense.emulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Small node helpers. */
public final class PhpJsonNodes {
  private PhpJsonNodes() {}

  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }
}
