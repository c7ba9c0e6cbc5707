package io.mcpiac.opnsense.batches;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.kit.HandlerSet;
import io.mcpiac.opnsense.client.FirewallVersion;
import io.mcpiac.opnsense.client.OpnsenseClient;
import io.mcpiac.opnsense.handlers.MappingHandler;
import io.mcpiac.opnsense.handlers.OpnsenseSession;
import io.mcpiac.opnsense.resources.Endpoint;
import io.mcpiac.opnsense.resources.Lookups;
import io.mcpiac.opnsense.resources.Module;
import io.mcpiac.opnsense.resources.RuleMoves;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one batch: writes every change (config.xml only), then activates each touched module once
 * — HAProxy after a configtest, firewall rules through savepoint → {@code apply/{rev}} → health
 * check → {@code cancelRollback/{rev}} where the firewall still has savepoints (≤ 26.1). When a
 * module cannot be activated (a configtest ALERT, a failing reconfigure), its writes of this batch
 * are taken back so config.xml holds nothing the user was told failed.
 */
public final class BatchApplier {
  private static final Logger LOG = LoggerFactory.getLogger(BatchApplier.class);

  private final OpnsenseClient client;
  private final HandlerSet<OpnsenseSession> handlers;
  private final ExecutorService writers;
  private final int writeConcurrency;

  /**
   * @param handlers the provider's handlers: each write is one of theirs, with the kit's error
   *     translation
   */
  public BatchApplier(
      OpnsenseClient client,
      HandlerSet<OpnsenseSession> handlers,
      ExecutorService writers,
      int concurrency) {
    this.client = client;
    this.handlers = handlers;
    this.writers = writers;
    this.writeConcurrency = Math.max(1, concurrency);
  }

  /** A change whose write went through. */
  private record Written(
      int index, Change change, MappingHandler handler, Endpoint ep, String id) {}

  /** The activation scopes of the modules a batch writes to (see {@link Activator}). */
  public List<String> activationScopes(List<Change> batch) {
    java.util.Set<Module> touched = java.util.EnumSet.noneOf(Module.class);
    for (Change c : batch) {
      Module m = endpoint(c).module();
      if (m.applyPath() != null) {
        touched.add(m);
      }
    }
    return Activator.scopes(touched);
  }

  public List<ChangeResult> apply(List<Change> batch) {
    FirewallVersion version = client.version();
    OpnsenseSession session = new OpnsenseSession(client);
    Lookups lookups = session.lookups();
    ChangeResult[] results = new ChangeResult[batch.size()];

    boolean touchesFilter = false;
    for (Change c : batch) {
      touchesFilter |= endpoint(c).module() == Module.FILTER;
    }
    String savepoint = null;
    String savepointError = null;
    if (touchesFilter && version.hasSavepoints()) {
      try {
        savepoint = client.post("/api/firewall/filter/savepoint", null).path("revision").asText("");
        if (savepoint.isEmpty()) {
          savepointError = "the firewall gave no savepoint revision";
        }
      } catch (ProviderException e) {
        savepointError = "could not take a firewall savepoint: " + e.getMessage();
      }
    }

    RuleMoves moves = new RuleMoves(lookups, version);
    Map<Integer, RuleMoves.Placed> rules = rules(batch);
    moves.readBefore(List.copyOf(rules.values()));
    List<Written> written = write(batch, session, results, savepointError, moves, rules);
    Map<Integer, Integer> sequences = place(moves, rules, written);

    // independent chains of modules are activated at the same time, each chain in order
    List<Future<ChainOutcome>> running = new ArrayList<>();
    for (List<Module> chain : Activator.CHAINS) {
      List<Module> touched = new ArrayList<>();
      for (Module m : chain) {
        if (written.stream().anyMatch(w -> w.ep().module() == m)) {
          touched.add(m);
        }
      }
      if (!touched.isEmpty()) {
        String rev = savepoint;
        running.add(writers.submit(() -> activateChain(touched, written, session, rev)));
      }
    }
    Map<Written, String> failures = new java.util.HashMap<>();
    Map<Written, String> inactive = new java.util.HashMap<>();
    List<String> leftBehind = new ArrayList<>();
    for (Future<ChainOutcome> f : running) {
      try {
        ChainOutcome o = f.get();
        failures.putAll(o.failed());
        inactive.putAll(o.inactive());
        leftBehind.addAll(o.leftBehind());
      } catch (ExecutionException e) {
        throw new ProviderException("activation failed: " + message(e.getCause()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProviderException("interrupted while activating");
      }
    }
    if (!leftBehind.isEmpty()) {
      // written objects stay on the firewall although they failed: no per-change answer would
      // be true, so the batch fails as a whole and the engine reads what really exists
      throw new ProviderException(String.join("; ", leftBehind));
    }
    failures.forEach((w, why) -> results[w.index()] = failed(w.change(), why));
    written.removeAll(failures.keySet());

    for (Written w : written) {
      ChangeResult ok = success(w, lookups, sequences.get(w.index()));
      results[w.index()] = inactive.containsKey(w) ? ok.notActivated(inactive.get(w)) : ok;
    }
    List<ChangeResult> out = new ArrayList<>(batch.size());
    for (ChangeResult r : results) {
      out.add(r);
    }
    return out;
  }

  /**
   * What activating one chain of modules came to: writes that failed (and were taken back), writes
   * that stay but could not be activated for a fault they did not make, and failures whose writes
   * are still on the firewall.
   */
  private record ChainOutcome(
      Map<Written, String> failed, Map<Written, String> inactive, List<String> leftBehind) {}

  /** Activates the touched modules of one chain in order. */
  private ChainOutcome activateChain(
      List<Module> modules, List<Written> written, OpnsenseSession session, String savepoint) {
    Map<Written, String> failed = new java.util.HashMap<>();
    Map<Written, String> inactive = new java.util.HashMap<>();
    List<String> leftBehind = new ArrayList<>();
    for (Module module : modules) {
      List<Written> mine = new ArrayList<>();
      for (Written w : written) {
        if (w.ep().module() == module) {
          mine.add(w);
        }
      }
      if (mine.isEmpty() || module.applyPath() == null) {
        continue;
      }
      Activator activator = new Activator(client);
      Activation outcome = activator.activate(module, savepoint);
      String failure = null;
      if (outcome instanceof Activation.LeftInPlace stays) {
        failure = stays.reason();
        leftBehind.add(failure);
      } else if (outcome instanceof Activation.Refused refused) {
        failure = refused.reason();
        if (!undo(session, mine)) {
          leftBehind.add(failure + " (and not every write of it could be taken back)");
        } else if (activator.failedBefore(module, failure)) {
          // the configuration failed its test without this batch's writes too: they are not the
          // fault, so they stay, and HAProxy is reloaded by the batch that clears it (a backend
          // re-enabled by the same apply) — or the scope stays "activate" drift until then
          String why = redo(session, mine);
          if (why == null) {
            String reason = Activator.notOurFault(failure);
            mine.forEach(w -> inactive.put(w, reason));
            continue;
          }
          leftBehind.add(failure + " (" + why + ")");
        }
      }
      if (failure != null) {
        for (Written w : mine) {
          failed.put(w, failure);
        }
      }
    }
    return new ChainOutcome(failed, inactive, leftBehind);
  }

  private MappingHandler handler(Change c) {
    return (MappingHandler) handlers.get(c.type().name());
  }

  private Endpoint endpoint(Change c) {
    return handler(c).endpoint(c);
  }

  /** The batch's creates and updates of rules that have a planned sequence, by index. */
  private Map<Integer, RuleMoves.Placed> rules(List<Change> batch) {
    Map<Integer, RuleMoves.Placed> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      Change c = batch.get(i);
      Endpoint ep = endpoint(c);
      Integer planned = RuleMoves.planned(c, ep);
      if (planned != null) {
        out.put(i, new RuleMoves.Placed(i, c, ep, c.id(), planned));
      }
    }
    return out;
  }

  /**
   * Puts the written rules in their places with the firewall's move call (before activation, so the
   * firewall never runs a half-ordered rule set); the sequences it gave, by batch index.
   */
  private static Map<Integer, Integer> place(
      RuleMoves moves, Map<Integer, RuleMoves.Placed> rules, List<Written> written) {
    List<RuleMoves.Placed> done = new ArrayList<>();
    for (Written w : written) {
      RuleMoves.Placed p = rules.get(w.index());
      if (p != null) {
        done.add(p);
      }
    }
    if (done.isEmpty()) {
      return Map.of();
    }
    try {
      return moves.place(done);
    } catch (ProviderException e) {
      // written but not in place: no per-change answer would be true
      throw new ProviderException("could not put the rules in order: " + e.getMessage());
    }
  }

  private List<Written> write(
      List<Change> batch,
      OpnsenseSession session,
      ChangeResult[] results,
      String savepointError,
      RuleMoves moves,
      Map<Integer, RuleMoves.Placed> rules) {
    List<Future<ChangeResult>> futures = new ArrayList<>();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      Change c = batch.get(i);
      if (savepointError != null && endpoint(c).module() == Module.FILTER) {
        results[i] = failed(c, savepointError);
        continue;
      }
      order.add(i);
      Change toWrite = toWrite(moves, rules.get(i), c);
      futures.add(
          writeConcurrency == 1
              ? java.util.concurrent.CompletableFuture.completedFuture(
                  handlers.write(session, toWrite))
              : writers.submit(() -> handlers.write(session, toWrite)));
    }
    List<Written> written = new ArrayList<>();
    for (int k = 0; k < futures.size(); k++) {
      int index = order.get(k);
      Change c = batch.get(index);
      ChangeResult r;
      try {
        r = futures.get(k).get();
      } catch (ExecutionException e) {
        r = failed(c, message(e.getCause()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        r = failed(c, "interrupted");
      }
      if (r.success()) {
        written.add(new Written(index, c, handler(c), endpoint(c), r.id()));
      } else {
        results[index] = r;
      }
    }
    return written;
  }

  /** A rule that moves is written where it is; the move call then sets its place. */
  private static Change toWrite(RuleMoves moves, RuleMoves.Placed rule, Change c) {
    if (rule == null || !moves.moves(rule)) {
      return c;
    }
    return new Change(
        c.kind(),
        c.name(),
        c.type(),
        c.id(),
        c.prior(),
        moves.toWrite(rule, c.desired()),
        c.priorOutputs());
  }

  /** Writes again what {@link #undo} took back; null when all of it, else what failed. */
  private String redo(OpnsenseSession session, List<Written> mine) {
    for (Written w : mine) {
      Change c = w.change();
      Change again =
          new Change(c.kind(), c.name(), c.type(), w.id(), c.prior(), c.desired(), Json.object());
      ChangeResult r = handlers.write(session, again);
      if (!r.success()) {
        return "could not write " + c.name() + " again: " + r.error();
      }
    }
    return null;
  }

  /** Takes back the writes of a module that could not be activated, newest first. */
  private boolean undo(OpnsenseSession session, List<Written> mine) {
    boolean all = true;
    for (int i = mine.size() - 1; i >= 0; i--) {
      Written w = mine.get(i);
      Change c = w.change();
      ChangeResult r = handlers.write(session, inverse(c, w.id()));
      if (!r.success()) {
        all = false;
        LOG.warn("could not take back {} of {}: {}", c.kind(), c.name(), r.error());
      }
    }
    return all;
  }

  /** The change that takes {@code c} back. */
  private static Change inverse(Change c, String id) {
    return switch (c.kind()) {
      case CREATE ->
          new Change(Change.Kind.DELETE, c.name(), c.type(), id, c.desired(), null, Json.object());
      case UPDATE ->
          new Change(
              Change.Kind.UPDATE, c.name(), c.type(), id, c.desired(), c.prior(), Json.object());
      case DELETE ->
          new Change(Change.Kind.CREATE, c.name(), c.type(), id, null, c.prior(), Json.object());
    };
  }

  private ChangeResult success(Written w, Lookups lookups, Integer sequence) {
    Change c = w.change();
    if (c.kind() == Change.Kind.DELETE) {
      return ChangeResult.ok(c.name(), w.id(), Json.object());
    }
    Map<String, String> row = null;
    if (w.handler().mapping().outputsNeedRow()) {
      lookups.invalidate(w.ep());
      try {
        row = w.handler().mapping().match(w.id(), c.desired(), lookups.rows(w.ep()));
      } catch (ProviderException e) {
        LOG.warn("could not read back {}: {}", c.name(), e.getMessage());
      }
    }
    ObjectNode outputs = w.handler().mapping().outputs(c.name(), w.id(), row, c.desired());
    if (sequence != null) {
      // the firewall placed the rule with a number of its own: state records what it holds
      ObjectNode applied = c.desired().deepCopy();
      applied.put("sequence", sequence);
      return new ChangeResult(c.name(), w.id(), applied, outputs, null, null);
    }
    return ChangeResult.ok(c.name(), w.id(), outputs);
  }

  private static ChangeResult failed(Change c, String why) {
    return HandlerSet.failed(c, why);
  }

  private static String message(Throwable e) {
    return e instanceof ProviderException
        ? e.getMessage()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
