package io.mcpiac.docker.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.Values;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker compose's short forms of a container, turned into the canonical properties before they are
 * planned, so a short form and its long form are the same plan and never look like drift: {@code
 * ports: ["127.0.0.1:8080:80", "8443:443/udp"]}, {@code volumes: ["data:/var/lib/data",
 * "./site:/www:ro"]} (relative host paths against the deployment file's directory), {@code
 * environment} as a map or {@code ["K=V"]} (for {@code env}), {@code command} as a string (split as
 * Compose splits it), {@code restart} (for {@code restartPolicy}) and {@code mem_limit} (for {@code
 * memory}). Values not known until apply are left as they are.
 */
final class ComposeForms {
  /** Compose's names and ours. */
  static final Map<String, String> ALIASES =
      Map.of("environment", "env", "restart", "restartPolicy", "mem_limit", "memory");

  // [HOST:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]; HOST may be [v6]
  private static final Pattern PORT =
      Pattern.compile(
          "^(?:(?:(\\[[0-9a-fA-F:.]+\\]|[0-9.]+):)?([0-9]+)?:)?([0-9]+)(?:/(tcp|udp|sctp))?$");

  private ComposeForms() {}

  /** Problems of short forms, by property path; empty when every short form is understood. */
  static Map<String, String> problems(ObjectNode p) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> alias : ALIASES.entrySet()) {
      if (p.has(alias.getKey()) && p.has(alias.getValue())) {
        out.put(
            alias.getKey(),
            "'" + alias.getKey() + "' is Compose's name for '" + alias.getValue() + "': give one");
      }
    }
    JsonNode ports = p.path("ports");
    for (int i = 0; i < ports.size(); i++) {
      JsonNode v = ports.get(i);
      if (v.isTextual() && !Values.isUnknown(v) && !v.asText().contains("${")) {
        if (!PORT.matcher(v.asText().strip()).matches()) {
          out.put(
              "ports[" + i + "]",
              "'"
                  + v.asText()
                  + "' is not a port: [HOST:][HOST_PORT:]CONTAINER_PORT[/tcp|udp|sctp],"
                  + " e.g. 127.0.0.1:8080:80 (ranges are not supported)");
        }
      }
    }
    JsonNode volumes = p.path("volumes");
    for (int i = 0; i < volumes.size(); i++) {
      JsonNode v = volumes.get(i);
      if (v.isTextual() && !Values.isUnknown(v) && !v.asText().contains("${")) {
        String[] parts = v.asText().split(":", -1);
        if (parts.length < 2
            || parts.length > 3
            || parts[0].isEmpty()
            || !parts[1].startsWith("/")
            || (parts.length == 3 && !parts[2].matches("ro|rw"))) {
          out.put(
              "volumes[" + i + "]",
              "'"
                  + v.asText()
                  + "' is not a volume: SOURCE:/container/path[:ro|rw], e.g. data:/var/lib/data or"
                  + " ./site:/www:ro (anonymous volumes are not supported)");
        }
      }
    }
    JsonNode env = p.path("environment");
    for (int i = 0; env.isArray() && i < env.size(); i++) {
      if (!Values.isUnknown(env.get(i)) && !env.get(i).asText().contains("=")) {
        out.put(
            "environment[" + i + "]",
            "'"
                + env.get(i).asText()
                + "' has no value: write K=V (a value taken from the shell is not supported)");
      }
    }
    return out;
  }

  /** The canonical form of a container's properties. */
  static ObjectNode canonical(ObjectNode p, Path baseDirectory) {
    ObjectNode out = Json.copy(p);
    for (Map.Entry<String, String> alias : ALIASES.entrySet()) {
      if (out.has(alias.getKey()) && !out.has(alias.getValue())) {
        out.set(alias.getValue(), out.remove(alias.getKey()));
      }
    }
    if (out.path("env").isArray()) {
      ObjectNode env = Json.object();
      for (JsonNode kv : out.get("env")) {
        String text = kv.asText();
        int eq = text.indexOf('=');
        if (eq > 0) {
          env.put(text.substring(0, eq), text.substring(eq + 1));
        }
      }
      out.set("env", env);
    }
    JsonNode command = out.get("command");
    if (command != null && command.isTextual() && !Values.isUnknown(command)) {
      ArrayNode words = Json.MAPPER.createArrayNode();
      split(command.asText()).forEach(words::add);
      out.set("command", words);
    }
    if (out.path("ports").isArray()) {
      ArrayNode ports = Json.MAPPER.createArrayNode();
      for (JsonNode v : out.get("ports")) {
        ports.add(v.isTextual() ? port(v) : v);
      }
      out.set("ports", ports);
    }
    if (out.path("volumes").isArray()) {
      ArrayNode volumes = Json.MAPPER.createArrayNode();
      for (JsonNode v : out.get("volumes")) {
        volumes.add(v.isTextual() ? volume(v, baseDirectory) : v);
      }
      out.set("volumes", volumes);
    }
    return out;
  }

  private static JsonNode port(JsonNode text) {
    Matcher m = PORT.matcher(text.asText().strip());
    if (Values.isUnknown(text) || !m.matches()) {
      return text; // reported by validation, or not known yet
    }
    ObjectNode port = Json.object();
    if (m.group(1) != null) {
      port.put("host", m.group(1).replace("[", "").replace("]", ""));
    }
    if (m.group(2) != null) {
      port.put("hostPort", Integer.parseInt(m.group(2)));
    }
    port.put("containerPort", Integer.parseInt(m.group(3)));
    if (m.group(4) != null) {
      port.put("protocol", m.group(4));
    }
    return port;
  }

  private static JsonNode volume(JsonNode text, Path baseDirectory) {
    String[] parts = text.asText().split(":", -1);
    if (Values.isUnknown(text) || parts.length < 2 || parts.length > 3) {
      return text;
    }
    String source = parts[0];
    if (source.startsWith(".") || source.startsWith("~")) {
      Path base = source.startsWith("~") ? Path.of(System.getProperty("user.home")) : baseDirectory;
      String rest = source.startsWith("~") ? source.substring(1).replaceFirst("^/", "") : source;
      source = base.resolve(rest).toAbsolutePath().normalize().toString();
    }
    ObjectNode volume = Json.object();
    volume.put("source", source);
    volume.put("target", parts[1]);
    if (parts.length == 3 && parts[2].equals("ro")) {
      volume.put("readOnly", true);
    }
    return volume;
  }

  /**
   * A command line split as Compose splits {@code command: "…"} (shell-like words: quotes group,
   * backslash escapes; no variables, no globbing).
   */
  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else if (c == '\\'
            && i + 1 < line.length()
            && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
          word.append(line.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        inWord = true;
        if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '\\' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
        } else {
          word.append(c);
        }
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
