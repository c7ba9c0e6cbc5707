package io.mcpiac.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.mcpiac.engine.json.Json;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The YAML files under the directory the UI was started in, offered as the plan form's choices (a
 * path typed by hand works as well). Shallow and bounded: a few levels, no hidden or build
 * directories.
 */
final class FileSuggestions {
  private static final int MAX_DEPTH = 3;
  private static final int MAX_FILES = 200;
  private static final Set<String> SKIPPED = Set.of("target", "node_modules", "build", "out");

  private FileSuggestions() {}

  static ArrayNode under(Path base) {
    List<String> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          base,
          Set.of(),
          MAX_DEPTH,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              boolean skip = !dir.equals(base) && (name.startsWith(".") || SKIPPED.contains(name));
              return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String name = file.getFileName().toString();
              if (attrs.isRegularFile() && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                found.add(base.relativize(file).toString());
              }
              return found.size() >= MAX_FILES
                  ? FileVisitResult.TERMINATE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE; // unreadable: not offered
            }
          });
    } catch (IOException e) {
      // nothing to offer; a typed path still works
    }
    ArrayNode out = Json.MAPPER.createArrayNode();
    found.stream().sorted().forEach(out::add);
    return out;
  }
}
