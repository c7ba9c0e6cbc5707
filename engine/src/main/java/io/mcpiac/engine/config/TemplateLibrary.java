package io.mcpiac.engine.config;

import io.mcpiac.engine.errors.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in templates, shipped in the jar as YAML ({@code io/mcpiac/templates/*.yaml}, listed in
 * {@code index.txt}): best-practice patterns a deployment uses as {@code type: template:NAME}.
 */
public final class TemplateLibrary {
  private static final String ROOT = "/io/mcpiac/templates/";
  private static volatile List<Template> builtIn;

  private TemplateLibrary() {}

  /** Every built-in template, in the order of the index. */
  public static List<Template> builtIn() {
    List<Template> loaded = builtIn;
    if (loaded == null) {
      loaded = load();
      builtIn = loaded;
    }
    return loaded;
  }

  /** The YAML text of a built-in template, for {@code templates show} and MCP resources. */
  public static String source(String name) {
    return read(name + ".yaml");
  }

  private static List<Template> load() {
    List<Template> out = new ArrayList<>();
    for (String line : read("index.txt").split("\n")) {
      String name = line.strip();
      if (name.isEmpty() || name.startsWith("#")) {
        continue;
      }
      LoadedDeployment doc = DeploymentLoader.readDocument(read(name + ".yaml"), "builtin:" + name);
      if (!doc.problems().isEmpty()) {
        throw new IllegalStateException(
            "the built-in template " + name + " is broken: " + doc.problems());
      }
      out.add(Templates.of(doc));
    }
    return List.copyOf(out);
  }

  private static String read(String file) {
    try (InputStream in = TemplateLibrary.class.getResourceAsStream(ROOT + file)) {
      if (in == null) {
        throw new InvalidInputException("no built-in template file " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
