package io.mcpiac.engine.plans;

import java.util.Locale;

/** What a plan does to one resource, with the symbol the plan shows. */
public enum ActionType {
  CREATE("+"),
  UPDATE("~"),
  REPLACE("-/+"),
  DELETE("-"),
  NO_OP(" ");

  private final String symbol;

  ActionType(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** The seed's lower-case spelling: create, update, replace, delete, no-op. */
  public String label() {
    return this == NO_OP ? "no-op" : name().toLowerCase(Locale.ROOT);
  }
}
