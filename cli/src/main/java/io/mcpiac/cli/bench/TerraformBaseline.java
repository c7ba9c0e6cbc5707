package io.mcpiac.cli.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The same graph in Terraform with its built-in {@code terraform_data}, timed as whole commands
 * (the way a user runs them), when {@code terraform} is on the PATH.
 */
public final class TerraformBaseline {
  private TerraformBaseline() {}

  public static Optional<Path> find() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "terraform");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  public static List<Measurement> run(Path terraform, int n, int parallelism, Path dir)
      throws IOException, InterruptedException {
    StringBuilder tf = new StringBuilder();
    for (int i = 0; i < n / 2; i++) {
      tf.append("resource \"terraform_data\" \"a_")
          .append(i)
          .append("\" {\n")
          .append("  input = \"value-")
          .append(i)
          .append("\"\n}\n");
      tf.append("resource \"terraform_data\" \"b_")
          .append(i)
          .append("\" {\n")
          .append("  input = terraform_data.a_")
          .append(i)
          .append(".output\n}\n");
    }
    Files.writeString(dir.resolve("main.tf"), tf);
    exec(dir, terraform.toString(), "init", "-input=false", "-no-color");
    String par = "-parallelism=" + parallelism;
    List<Measurement> out = new ArrayList<>();
    out.add(
        timed(
            "apply",
            n,
            dir,
            terraform.toString(),
            "apply",
            "-auto-approve",
            "-input=false",
            "-no-color",
            par));
    out.add(
        timed(
            "plan (no-op)",
            n,
            dir,
            terraform.toString(),
            "plan",
            "-input=false",
            "-no-color",
            par));
    out.add(
        timed(
            "destroy",
            n,
            dir,
            terraform.toString(),
            "destroy",
            "-auto-approve",
            "-input=false",
            "-no-color",
            par));
    return out;
  }

  private static Measurement timed(String phase, int n, Path dir, String... cmd)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    exec(dir, cmd);
    return new Measurement(phase, n, (System.nanoTime() - start) / 1_000_000, -1);
  }

  private static void exec(Path dir, String... cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("TF_IN_AUTOMATION", "1");
    pb.environment().put("CHECKPOINT_DISABLE", "1");
    pb.redirectOutput(dir.resolve("terraform.log").toFile());
    Process p = pb.start();
    if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("terraform " + cmd[1] + " failed; see " + dir.resolve("terraform.log"));
    }
  }
}
