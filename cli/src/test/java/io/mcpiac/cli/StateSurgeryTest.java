package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terraform's lifecycle tools: state rm and mv, moved:, --target, --replace, checkpoints. */
class StateSurgeryTest {
  @TempDir Path dir;
  String state;

  @BeforeEach
  void setUp() {
    state = "sqlite:" + dir.resolve("state.db");
  }

  private Path write(String name, String resources) throws Exception {
    Path f = dir.resolve(name + ".yaml");
    Files.writeString(
        f, "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n" + resources);
    return f;
  }

  private static final String THREE =
      """
        resources:
          - type: core:data
            name: a
            properties: {input: one}
          - type: core:data
            name: b
            properties: {input: "${a.output}-two"}
          - type: core:data
            name: c
            properties: {input: three}
      """;

  private JsonNode stateJson() {
    return Json.parse(Cli.run("state", "show", "app", "--state", state, "--json").out());
  }

  private String idOf(String resource) {
    for (JsonNode r : stateJson().get("resources")) {
      if (r.get("name").asText().equals(resource)) {
        return r.get("id").asText();
      }
    }
    return null;
  }

  @Test
  void stateMvThenARenamedFileHasNoChanges() throws Exception {
    Path f = write("three", THREE);
    assertThat(Cli.run("apply", "-f", f.toString(), "--state", state, "--yes").exit()).isZero();
    String id = idOf("c");
    Cli.Run mv = Cli.run("state", "mv", "app", "c", "renamed", "--state", state);
    assertThat(mv.exit()).as(mv.printed()).isZero();
    Path renamed = write("three", THREE.replace("name: c", "name: renamed"));
    Cli.Run plan =
        Cli.run("plan", "-f", renamed.toString(), "--state", state, "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.printed()).isZero();
    assertThat(plan.out()).contains("No changes.");
    assertThat(idOf("renamed")).isEqualTo(id);
    assertThat(Cli.run("state", "mv", "app", "nothere", "x", "--state", state).err())
        .contains("no resource 'nothere'");
  }

  @Test
  void theMovedListRenamesWithoutDestroying() throws Exception {
    Path f = write("three", THREE);
    assertThat(Cli.run("apply", "-f", f.toString(), "--state", state, "--yes").exit()).isZero();
    String id = idOf("a");
    Path moved =
        write(
            "three",
            THREE.replace("name: a", "name: first").replace("${a.", "${first.")
                + "  moved:\n    - {from: a, to: first}\n");
    Cli.Run plan = Cli.run("plan", "-f", moved.toString(), "--state", state);
    assertThat(plan.exit()).as(plan.printed()).isZero();
    assertThat(plan.out()).contains("'a' has moved to 'first'").contains("No changes.");
    Cli.Run apply = Cli.run("apply", "-f", moved.toString(), "--state", state, "--yes");
    assertThat(apply.exit()).as(apply.printed()).isZero();
    assertThat(idOf("first")).isEqualTo(id);
    assertThat(idOf("a")).isNull();
    // the list may stay in the file: a move already made is skipped
    assertThat(
            Cli.run("plan", "-f", moved.toString(), "--state", state, "--detailed-exitcode").exit())
        .isZero();
    Path wrong = write("wrong", THREE + "  moved:\n    - {from: a, to: nothere}\n");
    Cli.Run invalid = Cli.run("validate", "-f", wrong.toString());
    assertThat(invalid.exit()).isEqualTo(2);
    assertThat(invalid.err()).contains("wrong.yaml:16").contains("there is no 'nothere'");
  }

  /**
   * The file is read and parsed once, {@code moved:} with the rest: so the list also works where
   * the file cannot be read a second time (standard input) or is no file (a directory).
   */
  @Test
  void theMovedListWorksFromStandardInputAndFromADirectory() throws Exception {
    Path f = write("three", THREE);
    assertThat(Cli.run("apply", "-f", f.toString(), "--state", state, "--yes").exit()).isZero();
    String id = idOf("a");
    String movedOnce =
        "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n"
            + THREE.replace("name: a", "name: first").replace("${a.", "${first.")
            + "  moved:\n    - {from: a, to: first}\n";
    Cli.Run fromStdin = Cli.runWithInput(movedOnce, "apply", "-f", "-", "--state", state, "--yes");
    assertThat(fromStdin.exit()).as(fromStdin.printed()).isZero();
    assertThat(fromStdin.out()).doesNotContain("destroyed");
    assertThat(idOf("first")).isEqualTo(id);

    Path project = Files.createDirectories(dir.resolve("project"));
    Files.writeString(
        project.resolve("deployment.yaml"),
        movedOnce
            .replace("name: first", "name: second")
            .replace("${first.", "${second.")
            .replace("{from: a, to: first}", "{from: first, to: second}"));
    Cli.Run plan = Cli.run("plan", "-f", project.toString(), "--state", state);
    assertThat(plan.out()).as(plan.printed()).contains("'first' has moved to 'second'");
    assertThat(plan.out()).contains("No changes.");
    Cli.Run apply = Cli.run("apply", "-f", project.toString(), "--state", state, "--yes");
    assertThat(apply.exit()).as(apply.printed()).isZero();
    assertThat(idOf("second")).isEqualTo(id);
  }

  @Test
  void stateRmForgetsButTheNextPlanCreatesAgain() throws Exception {
    Path f = write("three", THREE);
    assertThat(Cli.run("apply", "-f", f.toString(), "--state", state, "--yes").exit()).isZero();
    Cli.Run rm = Cli.run("state", "rm", "app", "c", "--state", state);
    assertThat(rm.exit()).as(rm.printed()).isZero();
    assertThat(idOf("c")).isNull();
    assertThat(stateJson().get("resources")).hasSize(2);
    Cli.Run plan = Cli.run("plan", "-f", f.toString(), "--state", state);
    assertThat(plan.out()).contains("+ core:data c").contains("1 to add, 0 to change");
  }

  @Test
  void targetPlansOnlyTheResourceAndItsDependencies() throws Exception {
    Path f = write("three", THREE);
    Cli.Run plan = Cli.run("plan", "-f", f.toString(), "--state", state, "--target", "b");
    assertThat(plan.out()).contains("+ core:data a", "+ core:data b", "targeting is in effect");
    assertThat(plan.out()).doesNotContain("core:data c");
    Cli.Run apply =
        Cli.run("apply", "-f", f.toString(), "--state", state, "--yes", "--target", "b");
    assertThat(apply.exit()).as(apply.printed()).isZero();
    assertThat(stateJson().get("resources")).hasSize(2);
    assertThat(idOf("c")).isNull();
    Cli.Run unknown = Cli.run("plan", "-f", f.toString(), "--state", state, "--target", "bb");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("--target bb", "did you mean 'b'?");
  }

  @Test
  void replaceRecreatesAnUnchangedResource() throws Exception {
    Path f = write("three", THREE);
    assertThat(Cli.run("apply", "-f", f.toString(), "--state", state, "--yes").exit()).isZero();
    String before = idOf("c");
    Cli.Run plan = Cli.run("plan", "-f", f.toString(), "--state", state, "--replace", "c");
    assertThat(plan.out()).contains("-/+ core:data c", "replacement requested", "1 to replace");
    Cli.Run apply =
        Cli.run("apply", "-f", f.toString(), "--state", state, "--yes", "--replace", "c");
    assertThat(apply.exit()).as(apply.printed()).isZero();
    assertThat(idOf("c")).isNotNull().isNotEqualTo(before);
  }

  @Test
  void checkpointDiffAndDelete() throws Exception {
    Path f = write("three", THREE);
    assertThat(Cli.run("apply", "-f", f.toString(), "--state", state, "--yes").exit()).isZero();
    Cli.Run cp = Cli.run("checkpoint", "create", "app", "-m", "first", "--state", state, "--json");
    String id = Json.parse(cp.out()).get("id").asText();
    Path changed =
        write(
            "three",
            THREE
                .replace("input: three", "input: THREE")
                .replace(
                    "  - type: core:data\n      name: a\n",
                    "  - type: core:data\n      name: a\n"));
    assertThat(Cli.run("apply", "-f", changed.toString(), "--state", state, "--yes").exit())
        .isZero();
    Cli.Run diff = Cli.run("checkpoint", "diff", id, "--state", state);
    assertThat(diff.exit()).as(diff.printed()).isZero();
    assertThat(diff.out()).contains("~ core:data c", "input: \"three\" → \"THREE\"", "1 changed");
    Cli.Run cp2 =
        Cli.run("checkpoint", "create", "app", "-m", "second", "--state", state, "--json");
    String id2 = Json.parse(cp2.out()).get("id").asText();
    Cli.Run between = Cli.run("checkpoint", "diff", id, id2, "--state", state, "--json");
    assertThat(Json.parse(between.out()).get("resources")).hasSize(1);
    assertThat(Cli.run("checkpoint", "delete", id, "--state", state).exit()).isZero();
    assertThat(Cli.run("checkpoint", "list", "app", "--state", state).out())
        .doesNotContain(id)
        .contains(id2);
    assertThat(Cli.run("checkpoint", "delete", id, "--state", state).exit()).isEqualTo(2);
  }
}
