package io.mcpiac.ui;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The page and its few assets, from the jar (no build step, no CDN). The page's links to its script
 * and style carry the token, so the browser's own requests for them pass the guard too.
 */
final class AssetServlet extends HttpServlet {
  private static final String ROOT = "/io/mcpiac/ui/assets/";
  private static final Map<String, String> TYPES =
      Map.of(
          "index.html", "text/html;charset=utf-8",
          "app.js", "text/javascript;charset=utf-8",
          "graph.js", "text/javascript;charset=utf-8",
          "app.css", "text/css;charset=utf-8");

  private final transient UiSettings settings;

  AssetServlet(UiSettings settings) {
    this.settings = settings;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
    String name = path.equals("/") ? "index.html" : path.substring(1);
    String type = TYPES.get(name);
    if (type == null) {
      res.sendError(404);
      return;
    }
    byte[] bytes;
    try (InputStream in = AssetServlet.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        res.sendError(404);
        return;
      }
      bytes = in.readAllBytes();
    }
    if (name.equals("index.html")) {
      bytes =
          new String(bytes, StandardCharsets.UTF_8)
              .replace("{{TOKEN}}", settings.token())
              .getBytes(StandardCharsets.UTF_8);
    }
    res.setContentType(type);
    res.setHeader("Cache-Control", "no-store");
    res.getOutputStream().write(bytes);
  }
}
