package io.mcpiac.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code mcp-iac} in its own process on a real pseudo-terminal ({@code script} from
 * util-linux), typing {@code input}: what a person at a terminal sees, in the order they see it.
 */
final class Pty {
  private Pty() {}

  record Run(int exit, String screen) {}

  /** Without a terminal (a script, CI): stdin closed, stdout and stderr together. */
  static Run noTerminal(Path dir, Map<String, String> env, String... args) throws Exception {
    Path screen = dir.resolve("out-" + System.nanoTime() + ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command(args))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(screen.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().putAll(env);
    pb.environment().put("NO_COLOR", "1");
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("command did not end: " + Files.readString(screen));
    }
    return new Run(p.exitValue(), Files.readString(screen, StandardCharsets.UTF_8));
  }

  private static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    return cmd;
  }

  static Run run(Path dir, Map<String, String> env, String input, String... args) throws Exception {
    List<String> cmd = command(args);
    StringBuilder line = new StringBuilder();
    for (String c : cmd) {
      line.append('\'').append(c.replace("'", "'\\''")).append("' ");
    }
    Path screen = dir.resolve("screen-" + System.nanoTime() + ".txt");
    ProcessBuilder pb =
        new ProcessBuilder("script", "-qfec", line.toString(), screen.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putAll(env);
    pb.environment().put("TERM", "xterm");
    pb.environment().put("NO_COLOR", "1");
    Process p = pb.start();
    // the answer is typed only once the question is on screen, as a person would
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (input != null && System.nanoTime() < deadline && p.isAlive()) {
      if (Files.exists(screen)
          && Files.readString(screen, StandardCharsets.UTF_8).contains("will be accepted")) {
        break;
      }
      Thread.sleep(50);
    }
    if (input != null && p.isAlive()) {
      p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().flush();
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("command did not end: " + Files.readString(screen));
    }
    return new Run(p.exitValue(), Files.readString(screen, StandardCharsets.UTF_8));
  }
}
