package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a deployment from YAML (or JSON) text, a file, or a JSON object sent by an MCP client, with
 * the file and line of every resource and property. The {@code read} methods never throw for bad
 * content: every problem is a {@link Diagnostic}; the {@code load} methods throw {@link
 * ConfigException} instead. Neither checks types, references or schemas: that is {@link
 * DeploymentValidator}.
 */
public final class DeploymentLoader {
  private DeploymentLoader() {}

  /**
   * The largest deployment document read, in bytes (and characters for text given directly). Far
   * above any real deployment (thousands of resources fit in a few hundred KB), and small enough
   * that the YAML parser cannot be made to spend minutes or gigabytes on one document: one quoted
   * scalar of 1 MB took 3 s to parse on the shared 2-core machine, 2 MB 4 s, 4 MB 16–55 s.
   */
  public static final int MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

  /** Reads and expands a file, or every document of a directory (see {@link DirectoryLoader}). */
  public static LoadedDeployment read(Path file) {
    return read(file, VariableInputs.fromEnvironment());
  }

  /**
   * Reads and {@linkplain DeploymentExpansion expands} a deployment file, or a directory of a
   * deployment and its templates, with variable values from {@code inputs}.
   */
  public static LoadedDeployment read(Path file, VariableInputs inputs) {
    if (Files.isDirectory(file)) {
      return DirectoryLoader.read(file, inputs);
    }
    return expand(readDocument(file), List.of(), inputs);
  }

  /** Reads one document as written, without expanding it: a deployment or a template. */
  static LoadedDeployment readDocument(Path file) {
    String origin = file.toString();
    String text;
    try {
      text = DocumentFiles.readText(file, MAX_DOCUMENT_BYTES);
    } catch (IOException | RuntimeException e) {
      return unreadable(origin, e.getMessage());
    }
    return readDocument(text, origin);
  }

  private static LoadedDeployment unreadable(String origin, String why) {
    Diagnostic unreadable =
        new Diagnostic(
            DiagnosticCodes.UNREADABLE_FILE,
            new SourceLocation(origin, 0),
            null,
            null,
            "cannot read the file: " + why);
    return new LoadedDeployment(
        new Deployment(null, Map.of(), List.of(), new SourceLocation(origin, 0)),
        List.of(unreadable),
        SourceMap.EMPTY);
  }

  /**
   * @param origin what diagnostics name as the file: a path, {@code <stdin>}, {@code <mcp>}
   */
  public static LoadedDeployment read(String text, String origin) {
    return read(text, origin, VariableInputs.fromEnvironment());
  }

  public static LoadedDeployment read(String text, String origin, VariableInputs inputs) {
    return expand(readDocument(text, origin), List.of(), inputs);
  }

  /** The deployment expanded, with {@code templates} available besides the built-in ones. */
  static LoadedDeployment expand(
      LoadedDeployment raw, List<Template> templates, VariableInputs inputs) {
    if (raw.unparsable()) {
      return raw;
    }
    if (raw.isPolicy()) {
      List<Diagnostic> all = new ArrayList<>(raw.problems());
      all.add(
          new Diagnostic(
              DiagnosticCodes.UNKNOWN_KIND,
              raw.deployment().location(),
              null,
              "kind",
              "this is a Policy, not a Deployment: give it with --policy FILE, or put it in the"
                  + " deployment's directory (-f DIR)"));
      return new LoadedDeployment(raw.deployment(), all, raw.sourceMap(), raw.declarations());
    }
    if (raw.isTemplate()) {
      List<Diagnostic> all = new ArrayList<>(raw.problems());
      all.add(
          new Diagnostic(
              DiagnosticCodes.UNKNOWN_KIND,
              raw.deployment().location(),
              null,
              "kind",
              "this is a Template, not a Deployment: use it from a deployment as 'type: template:"
                  + raw.deployment().name()
                  + "', with both files in one directory (-f DIR)"));
      return new LoadedDeployment(raw.deployment(), all, raw.sourceMap(), raw.declarations());
    }
    List<Template> available = new ArrayList<>();
    if (usesTemplates(raw, templates)) {
      // read only when used: parsing the library is a tenth of a small validate's time
      available.addAll(TemplateLibrary.builtIn());
    }
    available.addAll(templates);
    return DeploymentExpansion.expand(raw, available, inputs);
  }

  /** Whether any resource of the deployment or of its own templates is a {@code template:} use. */
  private static boolean usesTemplates(LoadedDeployment raw, List<Template> templates) {
    List<ResourceConfig> all = new ArrayList<>(raw.deployment().resources());
    templates.forEach(t -> all.addAll(t.resources()));
    raw.declarations().templates().forEach(t -> all.addAll(t.resources()));
    return all.stream().anyMatch(r -> Template.nameOf(r.type()) != null);
  }

  /** One document as written, not expanded. */
  static LoadedDeployment readDocument(String text, String origin) {
    if (text.length() > MAX_DOCUMENT_BYTES) {
      return unreadable(
          origin,
          "the document has "
              + text.length()
              + " characters; a deployment is at most "
              + MAX_DOCUMENT_BYTES
              + " (split it, or check that this is the right file)");
    }
    DocumentParser.Result parsed = DocumentParser.parse(text, origin);
    if (parsed.root() == null) {
      return new LoadedDeployment(
          new Deployment(null, Map.of(), List.of(), new SourceLocation(origin, 0)),
          parsed.problems(),
          parsed.lines());
    }
    LoadedDeployment read = DocumentReader.read(parsed.root(), parsed.lines(), origin);
    if (parsed.problems().isEmpty()) {
      return read;
    }
    List<Diagnostic> all = new ArrayList<>(parsed.problems());
    all.addAll(read.problems());
    return new LoadedDeployment(read.deployment(), all, read.sourceMap(), read.declarations());
  }

  /** The same structure as a JSON object, e.g. from an MCP client; there are no lines. */
  public static LoadedDeployment read(JsonNode document, String origin) {
    return read(document, origin, VariableInputs.fromEnvironment());
  }

  public static LoadedDeployment read(JsonNode document, String origin, VariableInputs inputs) {
    return expand(DocumentReader.read(document, SourceMap.EMPTY, origin), List.of(), inputs);
  }

  /**
   * @throws ConfigException when the document is not a well-formed deployment
   */
  public static Deployment load(Path file) {
    return orThrow(read(file));
  }

  /**
   * @throws ConfigException when the text is not a well-formed deployment
   */
  public static Deployment load(String text, String origin) {
    return orThrow(read(text, origin));
  }

  /**
   * @throws ConfigException when the object is not a well-formed deployment
   */
  public static Deployment fromJson(JsonNode document, String origin) {
    return orThrow(read(document, origin));
  }

  private static Deployment orThrow(LoadedDeployment loaded) {
    if (!loaded.problems().isEmpty()) {
      throw new ConfigException(loaded.problems());
    }
    return loaded.deployment();
  }
}
