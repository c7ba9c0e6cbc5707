package io.mcpiac.docker.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.providers.kit.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a build sends to Docker, and when its digest says the image must be rebuilt. */
class BuildContextTest {
  @TempDir Path dir;

  private Path app() throws IOException {
    Path app = dir.resolve("app");
    Files.createDirectories(app.resolve("static"));
    Files.writeString(app.resolve("Dockerfile"), "FROM scratch\nCOPY . /\n");
    Files.writeString(app.resolve("static/index.html"), "<h1>hi</h1>");
    return app;
  }

  private static Map<String, String> tarOf(BuildContext context) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    context.writeTar(bytes);
    Map<String, String> entries = new LinkedHashMap<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        entries.put(
            e.getName(),
            e.isDirectory() ? "dir" : new String(tar.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }

  @Test
  void theDigestChangesExactlyWhenWhatTheBuildSeesChanges() throws IOException {
    Path app = app();
    Files.writeString(app.resolve(".dockerignore"), "# local files\n*.log\ntmp/\n");
    Files.createDirectories(app.resolve("tmp"));
    Files.writeString(app.resolve("tmp/scratch.txt"), "one");
    Files.writeString(app.resolve("debug.log"), "one");
    String digest = BuildContext.of(app.toString(), null).digest();
    assertThat(digest).startsWith("sha256:").hasSize(71);
    assertThat(BuildContext.of(app.toString(), "Dockerfile").digest()).isEqualTo(digest);

    // ignored files do not count
    Files.writeString(app.resolve("tmp/scratch.txt"), "two");
    Files.writeString(app.resolve("debug.log"), "two");
    assertThat(BuildContext.of(app.toString(), null).digest()).isEqualTo(digest);

    // a page does
    Files.writeString(app.resolve("static/index.html"), "<h1>hello</h1>");
    String changedPage = BuildContext.of(app.toString(), null).digest();
    assertThat(changedPage).isNotEqualTo(digest);

    // and so does the Dockerfile
    Files.writeString(app.resolve("Dockerfile"), "FROM scratch\nCOPY static /\n");
    assertThat(BuildContext.of(app.toString(), null).digest()).isNotEqualTo(changedPage);
  }

  @Test
  void theTarHoldsTheContextWithoutIgnoredFiles() throws IOException {
    Path app = app();
    Files.writeString(app.resolve(".dockerignore"), "secret.txt\n");
    Files.writeString(app.resolve("secret.txt"), "do not send");

    Map<String, String> tar = tarOf(BuildContext.of(app.toString(), null));

    assertThat(tar)
        .containsEntry("Dockerfile", "FROM scratch\nCOPY . /\n")
        .containsEntry("static/", "dir")
        .containsEntry("static/index.html", "<h1>hi</h1>")
        .doesNotContainKey("secret.txt");
  }

  @Test
  void aDockerfileOutsideTheContextTravelsWithIt() throws IOException {
    Path app = app();
    Path outside = dir.resolve("build/Dockerfile.prod");
    Files.createDirectories(outside.getParent());
    Files.writeString(outside, "FROM scratch\n");

    BuildContext context = BuildContext.of(app.toString(), "../build/Dockerfile.prod");

    assertThat(context.problem()).isEqualTo(Outcome.DONE);
    assertThat(context.dockerfileInTar()).isEqualTo(BuildContext.OUTSIDE_DOCKERFILE);
    assertThat(tarOf(context)).containsEntry(BuildContext.OUTSIDE_DOCKERFILE, "FROM scratch\n");
    String before = context.digest();
    Files.writeString(outside, "FROM scratch\nLABEL x=y\n");
    assertThat(BuildContext.of(app.toString(), "../build/Dockerfile.prod").digest())
        .isNotEqualTo(before);
  }

  @Test
  void namesWhatIsMissing() throws IOException {
    assertThat(reason(BuildContext.of(dir.resolve("nope").toString(), null).problem()))
        .contains("is not a directory");
    Path app = app();
    assertThat(reason(BuildContext.of(app.toString(), "Dockerfile.dev").problem()))
        .contains("Dockerfile.dev does not exist");
  }

  private static String reason(Outcome o) {
    assertThat(o).isInstanceOf(Outcome.Failed.class);
    return ((Outcome.Failed) o).reason();
  }
}
