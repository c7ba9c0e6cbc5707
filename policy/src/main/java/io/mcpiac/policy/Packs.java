package io.mcpiac.policy;

import io.mcpiac.engine.errors.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The built-in policy packs: folders of YAML under {@value #ROOT}{@code <name>/} on the class path,
 * so any module (the policy engine itself, a provider) ships packs as plain resources, found in
 * every jar and directory of the class path (and in the fat jar, where they are merged). A pack's
 * {@code pack.yaml} (optional) gives its description; every other {@code *.yaml} holds policies.
 */
public final class Packs {
  public static final String ROOT = "META-INF/mcp-iac/policy-packs/";

  /** A pack's files, by file name, in name order. */
  public record Pack(String name, String description, Map<String, String> files) {
    public String origin(String file) {
      return "pack:" + name + "/" + file;
    }
  }

  private Packs() {}

  /** Every pack on the class path, by name. */
  public static Map<String, Pack> all() {
    Map<String, Map<String, String>> files = new TreeMap<>();
    try {
      Enumeration<URL> roots = loader().getResources(ROOT);
      while (roots.hasMoreElements()) {
        collect(roots.nextElement(), files);
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot list the built-in policy packs: " + e, e);
    }
    Map<String, Pack> out = new TreeMap<>();
    files.forEach(
        (name, texts) -> {
          Map<String, String> policies = new TreeMap<>(texts);
          String meta = policies.remove("pack.yaml");
          out.put(name, new Pack(name, description(meta), policies));
        });
    return out;
  }

  /**
   * @throws NotFoundException naming the packs there are
   */
  public static Pack named(String name) {
    Pack p = all().get(name);
    if (p == null) {
      throw new NotFoundException(
          "no policy pack named '"
              + name
              + "'; built-in packs: "
              + String.join(", ", all().keySet()));
    }
    return p;
  }

  private static ClassLoader loader() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return cl != null ? cl : Packs.class.getClassLoader();
  }

  private static void collect(URL root, Map<String, Map<String, String>> files)
      throws IOException, URISyntaxException {
    if ("file".equals(root.getProtocol())) {
      Path dir = Path.of(root.toURI());
      try (Stream<Path> walk = Files.walk(dir, 2)) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) {
          Path rel = dir.relativize(p);
          if (rel.getNameCount() == 2 && isYaml(rel.getFileName().toString())) {
            files
                .computeIfAbsent(rel.getName(0).toString(), k -> new TreeMap<>())
                .putIfAbsent(rel.getFileName().toString(), Files.readString(p));
          }
        }
      }
    } else if ("jar".equals(root.getProtocol())) {
      JarURLConnection c = (JarURLConnection) root.openConnection();
      c.setUseCaches(false);
      try (JarFile jar = c.getJarFile()) {
        for (JarEntry e : java.util.Collections.list(jar.entries())) {
          String[] parts =
              e.getName().startsWith(ROOT)
                  ? e.getName().substring(ROOT.length()).split("/")
                  : new String[0];
          if (!e.isDirectory() && parts.length == 2 && isYaml(parts[1])) {
            try (InputStream in = jar.getInputStream(e)) {
              files
                  .computeIfAbsent(parts[0], k -> new TreeMap<>())
                  .putIfAbsent(parts[1], new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
          }
        }
      }
    }
  }

  private static boolean isYaml(String name) {
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static String description(String meta) {
    if (meta == null) {
      return "";
    }
    List<String> lines = new ArrayList<>();
    try {
      var node = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(meta);
      lines.add(node.path("description").asText(""));
    } catch (IOException e) {
      return "";
    }
    return String.join("", lines).trim();
  }
}
