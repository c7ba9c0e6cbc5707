package io.mcpiac.opnsense.emulator.api;

/**
 * Wires a resource's add/get/set/del/toggle/search actions into a controller under the names the
 * real controller uses ({@code addItem}, {@code addRule}, {@code add}, {@code searchServers}, …).
 */
public final class CrudRoutes {
  private final CrudActions crud;
  private final SearchAction search;

  public CrudRoutes(CrudActions crud, SearchAction search) {
    this.crud = crud;
    this.search = search;
  }

  /** Names of the six actions; {@code toggle} null when the controller has none. */
  public record Names(
      String add, String get, String set, String del, String toggle, String search) {
    public static Names of(String thing) {
      return new Names(
          "add" + thing,
          "get" + thing,
          "set" + thing,
          "del" + thing,
          "toggle" + thing,
          "search" + thing);
    }

    public Names withoutToggle() {
      return new Names(add, get, set, del, null, search);
    }

    public Names withSearch(String name) {
      return new Names(add, get, set, del, toggle, name);
    }
  }

  public void register(RouteTable.Controller c, ResourceDef res, Names n) {
    c.action(n.add(), 0, call -> crud.add(call, res));
    c.action(n.get(), 0, call -> crud.get(call, res, call.param(0)));
    c.action(n.set(), 1, call -> crud.set(call, res, call.param(0)));
    c.action(n.del(), 1, call -> crud.del(call, res, call.param(0)));
    if (n.toggle() != null) {
      c.action(n.toggle(), 1, call -> crud.toggle(call, res, call.param(0), call.param(1)));
    }
    c.action(n.search(), 0, call -> search.search(call, res));
  }

  public CrudActions crud() {
    return crud;
  }

  public SearchAction search() {
    return search;
  }
}
