package io.mcpiac.engine.execution;

import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.states.ResourceRecord;

/**
 * How to undo a completed change, and what state looks like after the undo.
 *
 * @param put the record after the undo (null: none)
 * @param remove the name whose record the undo removes (null: none)
 */
record Undo(String resource, Provider provider, Change change, ResourceRecord put, String remove) {

  /**
   * The default compensation of {@code c}: delete what was created, restore what was updated,
   * re-create what was deleted with its old id.
   */
  static Undo of(Provider provider, Change c, ResourceRecord put, String remove) {
    Change compensation =
        switch (c.kind()) {
          case CREATE ->
              new Change(
                  Change.Kind.DELETE, c.name(), c.type(), c.id(), c.desired(), null, Json.object());
          case UPDATE ->
              new Change(
                  Change.Kind.UPDATE,
                  c.name(),
                  c.type(),
                  c.id(),
                  c.desired(),
                  Records.withoutStandIns(c.prior()),
                  Json.object());
          case DELETE ->
              new Change(
                  Change.Kind.CREATE,
                  c.name(),
                  c.type(),
                  c.id(),
                  null,
                  Records.withoutStandIns(c.prior()),
                  Json.object());
        };
    return new Undo(c.name(), provider, compensation, put, remove);
  }

  /**
   * This undo once {@code done} returned {@code r}: the provider's own compensation when it gave
   * one, else the default aimed at the id the provider really created.
   */
  Undo after(Change done, ChangeResult r) {
    if (r.undo() != null) {
      return new Undo(resource, provider, r.undo(), put, remove);
    }
    if (done.kind() == Change.Kind.CREATE && r.id() != null && !r.id().equals(done.id())) {
      Change c = change;
      return new Undo(
          resource,
          provider,
          new Change(
              c.kind(), c.name(), c.type(), r.id(), c.prior(), c.desired(), c.priorOutputs()),
          put,
          remove);
    }
    return this;
  }
}
