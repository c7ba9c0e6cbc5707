package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged state file is named as such by every command, never used as if it were sound. */
class CorruptStateTest {
  @TempDir Path dir;

  @Test
  void stateUnlockForceOnACorruptFileSaysItIsCorrupt() throws Exception {
    Path file = dir.resolve("d.yaml");
    Files.writeString(
        file,
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: d}
        spec:
          resources:
            - {type: core:data, name: a, properties: {input: one}}
            - {type: core:data, name: b, properties: {input: "${a.output}"}}
        """);
    Path db = dir.resolve("state.db");
    String state = "sqlite:" + db;
    Cli.Run applied = Cli.run("apply", "-f", file.toString(), "--yes", "--state", state);
    assertThat(applied.exit()).as(applied.printed()).isZero();

    // random bytes over every page but the first
    byte[] junk = new byte[4096];
    new Random(11).nextBytes(junk);
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
      for (long at = 4096; at < f.length(); at += junk.length) {
        f.seek(at);
        f.write(junk, 0, (int) Math.min(junk.length, f.length() - at));
      }
    }

    Cli.Run unlock = Cli.run("state", "unlock", "d", "--force", "--state", state);
    assertThat(unlock.exit()).as(unlock.printed()).isEqualTo(1);
    assertThat(unlock.err()).contains("the state at " + state).contains("is corrupt");
    assertThat(unlock.out()).doesNotContain("Unlocked");

    Cli.Run plan = Cli.run("plan", "-f", file.toString(), "--state", state);
    assertThat(plan.exit()).as(plan.printed()).isEqualTo(1);
    assertThat(plan.err()).contains("is corrupt");
  }
}
