package io.mcpiac.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.states.StateRollback;
import io.mcpiac.engine.states.StateStore;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The page's JSON API under {@code /api}: deployments, plans, applies and their events, state
 * history, checkpoints. Every change to a system goes through a plan the page showed and whose
 * digest it sends back; state rollback needs {@code confirm: true}.
 */
final class ApiServlet extends HttpServlet {
  private final transient UiBackend backend;
  private final transient Planning planning;
  private final transient Runs runs;

  ApiServlet(UiBackend backend, Runs runs) {
    this.backend = backend;
    this.runs = runs;
    this.planning = new Planning(backend, runs);
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    handle(req, res, false);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    handle(req, res, true);
  }

  private void handle(HttpServletRequest req, HttpServletResponse res, boolean post)
      throws IOException {
    String[] p = parts(req.getPathInfo());
    try {
      if (post) {
        post(req, res, p);
      } else {
        get(req, res, p);
      }
    } catch (ApiError e) {
      Http.error(res, e);
    } catch (RuntimeException e) {
      Http.error(res, Errors.of(e));
    }
  }

  private void get(HttpServletRequest req, HttpServletResponse res, String[] p) throws IOException {
    if (p.length == 1 && p[0].equals("deployments")) {
      try (StateStore store = backend.openStore()) {
        Http.json(res, 200, StateViews.deployments(store));
      }
    } else if (p.length == 3 && p[0].equals("deployments") && p[2].equals("history")) {
      try (StateStore store = backend.openStore()) {
        Http.json(res, 200, StateViews.history(store, p[1]));
      }
    } else if (p.length == 3 && p[0].equals("deployments") && p[2].equals("diff")) {
      try (StateStore store = backend.openStore()) {
        Http.json(res, 200, StateViews.diff(store, p[1], number(req, "from"), number(req, "to")));
      }
    } else if (p.length == 3 && p[0].equals("deployments") && p[2].equals("checkpoints")) {
      try (StateStore store = backend.openStore()) {
        Http.json(res, 200, StateViews.checkpoints(store, p[1]));
      }
    } else if (p.length == 3 && p[0].equals("deployments") && p[2].equals("watch")) {
      JournalWatch.send(backend, p[1], res);
    } else if (p.length == 1 && p[0].equals("files")) {
      Http.json(res, 200, FileSuggestions.under(java.nio.file.Path.of("").toAbsolutePath()));
    } else if (p.length == 1 && p[0].equals("runs")) {
      Http.json(res, 200, runs.list());
    } else if (p.length == 2 && p[0].equals("runs")) {
      Http.json(res, 200, runs.get(p[1]).detail());
    } else if (p.length == 3 && p[0].equals("runs") && p[2].equals("events")) {
      EventStream.send(runs.get(p[1]), res);
    } else {
      throw new ApiError(404, "no such API: GET " + req.getPathInfo());
    }
  }

  private void post(HttpServletRequest req, HttpServletResponse res, String[] p)
      throws IOException {
    ObjectNode body = Http.body(req);
    if (p.length == 1 && p[0].equals("plan")) {
      Http.json(res, 200, planning.plan(body));
    } else if (p.length == 1 && p[0].equals("apply")) {
      Http.json(res, 202, planning.apply(body));
    } else if (p.length == 3 && p[0].equals("runs") && p[2].equals("cancel")) {
      Run run = runs.get(p[1]);
      run.cancellation().cancel();
      Http.json(res, 202, run.summary());
    } else if (p.length == 3 && p[0].equals("deployments") && p[2].equals("rollback")) {
      if (!body.path("confirm").asBoolean(false)) {
        throw new ApiError(400, "a state rollback needs \"confirm\": true");
      }
      long version = body.path("version").asLong(0);
      try (StateStore store = backend.openStore()) {
        Http.json(res, 200, Json.MAPPER.valueToTree(StateRollback.rollback(store, p[1], version)));
      }
    } else if (p.length == 3 && p[0].equals("deployments") && p[2].equals("checkpoints")) {
      String description = body.path("description").asText("");
      try (UiBackend.Bench bench = backend.forState(p[1])) {
        Http.json(
            res,
            201,
            StateViews.checkpoint(bench.engine().checkpoints().create(p[1], description)));
      }
    } else if (p.length == 3 && p[0].equals("checkpoints") && p[2].equals("plan")) {
      Http.json(res, 200, planning.planRestore(p[1]));
    } else {
      throw new ApiError(404, "no such API: POST " + req.getPathInfo());
    }
  }

  private static long number(HttpServletRequest req, String name) {
    try {
      return Long.parseLong(req.getParameter(name));
    } catch (NumberFormatException e) {
      throw new ApiError(400, "'" + name + "' must be a version number");
    }
  }

  private static String[] parts(String path) {
    if (path == null || path.equals("/")) {
      return new String[0];
    }
    return path.substring(1).split("/"); // the servlet container has decoded it
  }
}
