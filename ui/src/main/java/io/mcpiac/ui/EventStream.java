package io.mcpiac.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A run's progress as server-sent events: every event so far, then each new one as the engine
 * reports it, then {@code end} with the outcome. A comment every few seconds keeps idle connections
 * open and finds closed ones.
 */
final class EventStream {
  private EventStream() {}

  static void send(Run run, HttpServletResponse res) throws IOException {
    res.setStatus(200);
    res.setContentType("text/event-stream;charset=utf-8");
    res.setHeader("Cache-Control", "no-store");
    OutputStream out = res.getOutputStream();
    out.write(": following\n\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
    BlockingQueue<ObjectNode> queue = run.follow();
    try {
      while (true) {
        ObjectNode event = queue.poll(5, TimeUnit.SECONDS);
        if (event == null) {
          out.write(": still running\n\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
          continue;
        }
        String name = event.path("event").asText();
        out.write(
            ("event: " + (name.equals(Run.END) ? Run.END : "progress") + "\ndata: ")
                .getBytes(StandardCharsets.UTF_8));
        out.write(Json.write(event).getBytes(StandardCharsets.UTF_8));
        out.write("\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        if (name.equals(Run.END)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      run.unfollow(queue);
    }
  }
}
