package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The optional {@code spec.moved} list of a deployment file: {@code - {from: old-name, to:
 * new-name}}. Read with the rest of the document into its {@link Declarations}, so a file, standard
 * input or an MCP tool's argument is parsed once.
 *
 * @param problems bad entries, with file and line
 */
public record MovedList(List<Move> moves, List<Diagnostic> problems) {
  public static final String KEY = "moved";
  public static final MovedList NONE = new MovedList(List.of(), List.of());

  public MovedList {
    moves = List.copyOf(moves);
    problems = List.copyOf(problems);
  }

  /**
   * The {@code spec.moved} node of a document already parsed (null when absent), checked for shape;
   * how the loader reads it, so a file (or standard input) is parsed once.
   */
  public static MovedList of(JsonNode list, SourceMap lines, String origin) {
    if (list == null || list.isNull()) {
      return NONE;
    }
    List<Move> moves = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    String base = "spec." + KEY;
    if (!list.isArray()) {
      problems.add(problem(origin, lines, base, "must be a list of {from: …, to: …}"));
      return new MovedList(moves, problems);
    }
    for (int i = 0; i < list.size(); i++) {
      String path = SourceMap.element(base, i);
      JsonNode entry = list.get(i);
      JsonNode from = entry.get("from");
      JsonNode to = entry.get("to");
      if (!entry.isObject()
          || entry.size() != 2
          || from == null
          || !from.isTextual()
          || to == null
          || !to.isTextual()) {
        problems.add(
            problem(origin, lines, path, "must be {from: OLD-NAME, to: NEW-NAME}, nothing else"));
        continue;
      }
      moves.add(
          new Move(from.asText(), to.asText(), new SourceLocation(origin, lines.lineOf(path))));
    }
    return new MovedList(moves, problems);
  }

  /** Checks against the deployment: {@code to} is one of its resources, {@code from} is not. */
  public List<Diagnostic> check(Deployment deployment) {
    List<Diagnostic> out = new ArrayList<>(problems);
    Set<String> names = new HashSet<>();
    deployment.resources().forEach(r -> names.add(r.name()));
    Set<String> seenFrom = new HashSet<>();
    for (Move m : moves) {
      String where = "moved " + m.from() + " → " + m.to();
      if (!names.contains(m.to())) {
        out.add(
            new Diagnostic(
                DiagnosticCodes.INVALID_VALUE,
                m.location(),
                null,
                where,
                "'to' must name a resource of the deployment; there is no '"
                    + m.to()
                    + "'"
                    + Suggestions.didYouMean(m.to(), names)));
      }
      if (names.contains(m.from())) {
        out.add(
            new Diagnostic(
                DiagnosticCodes.INVALID_VALUE,
                m.location(),
                null,
                where,
                "'from' still names a resource of the deployment; a moved resource has one name"));
      }
      if (!seenFrom.add(m.from())) {
        out.add(
            new Diagnostic(
                DiagnosticCodes.INVALID_VALUE,
                m.location(),
                null,
                where,
                "'" + m.from() + "' is moved twice"));
      }
    }
    return out;
  }

  private static Diagnostic problem(String origin, SourceMap lines, String path, String message) {
    return new Diagnostic(
        DiagnosticCodes.INVALID_VALUE,
        new SourceLocation(origin, lines.nearestLineOf(path)),
        null,
        path,
        message);
  }
}
