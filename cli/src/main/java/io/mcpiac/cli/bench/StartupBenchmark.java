package io.mcpiac.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Start-up as a user feels it: whole processes, {@code --version}, {@code validate} and {@code
 * plan} of a one-resource file, {@code apply} of 400 resources from empty, each run {@code runs}
 * times and the median taken; the same with Terraform's {@code terraform_data} where it is
 * installed.
 */
public final class StartupBenchmark {
  /** One row: the median of each tool, -1 when not run. */
  public record Row(String command, long oursMillis, long terraformMillis) {}

  private StartupBenchmark() {}

  public static List<Row> run(List<String> launcher, Optional<Path> terraform, int runs, Path dir)
      throws IOException, InterruptedException {
    Path small = dir.resolve("small.yaml");
    Files.writeString(
        small,
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: small}
        spec:
          resources:
            - type: core:data
              name: a
              properties: {input: hello}
        """);
    Path big = dir.resolve("big.yaml");
    StringBuilder yaml =
        new StringBuilder(
            "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: big}\nspec:\n"
                + "  resources:\n");
    for (int i = 0; i < 200; i++) {
      yaml.append("    - {type: core:data, name: a-")
          .append(i)
          .append(", properties: {input: value-")
          .append(i)
          .append("}}\n    - {type: core:data, name: b-")
          .append(i)
          .append(", properties: {input: \"${a-")
          .append(i)
          .append(".output}\"}}\n");
    }
    Files.writeString(big, yaml);
    String state = "sqlite:" + dir.resolve("state.db");
    List<Row> rows = new ArrayList<>();
    TerraformDirs tf = terraform.isPresent() ? TerraformDirs.prepare(terraform.get(), dir) : null;
    rows.add(
        new Row(
            "--version",
            median(runs, i -> cmd(launcher, "--version"), dir),
            tf == null ? -1 : median(runs, i -> tf.cmd("version"), tf.small)));
    rows.add(
        new Row(
            "validate (1 resource)",
            median(runs, i -> cmd(launcher, "validate", "-f", small.toString()), dir),
            tf == null ? -1 : median(runs, i -> tf.cmd("validate", "-no-color"), tf.small)));
    rows.add(
        new Row(
            "plan (1 resource)",
            median(runs, i -> cmd(launcher, "plan", "-f", small.toString(), "--state", state), dir),
            tf == null
                ? -1
                : median(runs, i -> tf.cmd("plan", "-input=false", "-no-color"), tf.small)));
    rows.add(
        new Row(
            "apply (400 resources)",
            median(
                runs,
                i ->
                    cmd(
                        launcher,
                        "apply",
                        "-f",
                        big.toString(),
                        "--yes",
                        "--state",
                        "sqlite:" + dir.resolve("apply-" + i + ".db")),
                dir),
            tf == null
                ? -1
                : median(
                    runs,
                    i -> {
                      Files.deleteIfExists(tf.big.resolve("terraform.tfstate"));
                      return tf.cmd(
                          "apply", "-auto-approve", "-input=false", "-no-color", "-parallelism=10");
                    },
                    tf.big)));
    return rows;
  }

  private interface Command {
    List<String> get(int run) throws IOException;
  }

  private static List<String> cmd(List<String> launcher, String... args) {
    List<String> out = new ArrayList<>(launcher);
    out.addAll(Arrays.asList(args));
    return out;
  }

  private static long median(int runs, Command command, Path dir)
      throws IOException, InterruptedException {
    long[] millis = new long[runs];
    for (int i = 0; i < runs; i++) {
      List<String> cmd = command.get(i);
      long start = System.nanoTime();
      exec(cmd, dir);
      millis[i] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(millis);
    return runs % 2 == 1 ? millis[runs / 2] : (millis[runs / 2 - 1] + millis[runs / 2]) / 2;
  }

  static void exec(List<String> cmd, Path dir) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("TF_IN_AUTOMATION", "1");
    pb.environment().put("CHECKPOINT_DISABLE", "1");
    pb.redirectOutput(dir.resolve("run.log").toFile());
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", cmd) + " failed; see " + dir.resolve("run.log"));
    }
  }

  /** Two initialised Terraform directories: one terraform_data, and 400 of them. */
  private record TerraformDirs(Path terraform, Path small, Path big) {
    static TerraformDirs prepare(Path terraform, Path dir)
        throws IOException, InterruptedException {
      Path small = Files.createDirectories(dir.resolve("tf-small"));
      Files.writeString(
          small.resolve("main.tf"),
          "resource \"terraform_data\" \"a\" {\n  input = \"hello\"\n}\n");
      Path big = Files.createDirectories(dir.resolve("tf-big"));
      StringBuilder tf = new StringBuilder();
      for (int i = 0; i < 200; i++) {
        tf.append("resource \"terraform_data\" \"a_")
            .append(i)
            .append("\" {\n  input = \"value-")
            .append(i)
            .append("\"\n}\nresource \"terraform_data\" \"b_")
            .append(i)
            .append("\" {\n  input = terraform_data.a_")
            .append(i)
            .append(".output\n}\n");
      }
      Files.writeString(big.resolve("main.tf"), tf);
      TerraformDirs dirs = new TerraformDirs(terraform, small, big);
      exec(dirs.cmd("init", "-input=false", "-no-color"), small);
      exec(dirs.cmd("init", "-input=false", "-no-color"), big);
      return dirs;
    }

    List<String> cmd(String... args) {
      List<String> out = new ArrayList<>();
      out.add(terraform.toString());
      out.addAll(Arrays.asList(args));
      return out;
    }
  }
}
