package io.mcpiac.opnsense.resources;

/**
 * One OPNsense collection and its controller's actions (contract section 0): {@code base} like
 * {@code /api/firewall/filter/}, the JSON wrapper key, the action suffix ({@code Rule} gives {@code
 * setRule}; empty for the trust and user controllers' plain {@code set}), the search action and the
 * module to activate after a write.
 */
public record Endpoint(String base, String wrapper, String thing, String search, Module module) {

  public String setPath(String id) {
    return base + "set" + thing + "/" + id;
  }

  public String addPath() {
    return base + "add" + thing;
  }

  public String getPath(String id) {
    return base + "get" + thing + "/" + id;
  }

  public String delPath(String id) {
    return base + "del" + thing + "/" + id;
  }

  public String searchPath() {
    return base + search;
  }
}
