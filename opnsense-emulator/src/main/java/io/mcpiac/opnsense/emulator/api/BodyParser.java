package io.mcpiac.opnsense.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ApiControllerBase::parseJsonBodyData} (1.3): JSON only for {@code application/json[;
 * charset=utf-8]}; an empty JSON body is an error; unparsable JSON or a JSON scalar counts as
 * {@code {}}; form bodies use PHP's bracket syntax; any other content type is ignored.
 */
public final class BodyParser {
  /** The empty JSON body case: answered 400 "Invalid JSON syntax". */
  public static final class EmptyJsonBody extends Exception {
    private static final long serialVersionUID = 1L;
  }

  private BodyParser() {}

  public static ObjectNode parse(String contentType, String body) throws EmptyJsonBody {
    String ct = contentType == null ? "" : contentType.replace(" ", "").toLowerCase(Locale.ROOT);
    if (ct.equals("application/json") || ct.equals("application/json;charset=utf-8")) {
      if (body.isEmpty()) {
        throw new EmptyJsonBody();
      }
      try {
        JsonNode n = PhpJson.MAPPER.readTree(body);
        return n instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
      } catch (Exception e) {
        return JsonNodeFactory.instance.objectNode();
      }
    }
    if (ct.startsWith("application/x-www-form-urlencoded")) {
      return form(body);
    }
    return JsonNodeFactory.instance.objectNode();
  }

  /** PHP form parsing with nested keys: {@code alias[name]=x}, {@code type[]=host}. */
  static ObjectNode form(String body) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, List<String>> e : query(body).entrySet()) {
      for (String v : e.getValue()) {
        String key = e.getKey();
        int b = key.indexOf('[');
        if (b <= 0) {
          root.put(key, v);
          continue;
        }
        List<String> path = new ArrayList<>();
        path.add(key.substring(0, b));
        for (String part : key.substring(b + 1).split("\\[")) {
          path.add(part.endsWith("]") ? part.substring(0, part.length() - 1) : part);
        }
        ObjectNode cur = root;
        for (int i = 0; i < path.size() - 1; i++) {
          String p = path.get(i);
          if (i == path.size() - 2 && path.get(i + 1).isEmpty()) {
            JsonNode arr = cur.get(p);
            (arr != null && arr.isArray()
                    ? (com.fasterxml.jackson.databind.node.ArrayNode) arr
                    : cur.putArray(p))
                .add(v);
            cur = null;
            break;
          }
          JsonNode next = cur.get(p);
          cur = next instanceof ObjectNode o ? o : cur.putObject(p);
        }
        if (cur != null) {
          cur.put(path.get(path.size() - 1), v);
        }
      }
    }
    return root;
  }

  /** Decodes a query string into parameter lists (keys keep their {@code []}). */
  public static Map<String, List<String>> query(String q) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (q == null || q.isEmpty()) {
      return out;
    }
    for (String pair : q.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }
}
