package io.mcpiac.cli.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.cli.Main;
import io.mcpiac.engine.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Real child processes of {@code mcp-iac} for the orchestrator tests: servers and commands. */
public final class Processes {
  private Processes() {}

  /** {@code java -cp <test classpath> io.mcpiac.cli.Main}: the start of every command line. */
  public static List<String> mcpIac() {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    return cmd;
  }

  /** A YAML flow sequence of the command line, every item quoted. */
  static String yamlCommand(List<String> args) {
    List<String> all = new ArrayList<>(mcpIac());
    all.addAll(args);
    return Json.write(all);
  }

  /**
   * A {@code servers.yaml} entry for a provider server the orchestrator starts over stdio: {@code
   * mcp-iac serve --provider PROVIDER --state sqlite:DB}, owning the prefix of the same name.
   */
  static String stdioServer(String provider, Path db) {
    return "  - name: "
        + provider
        + "\n    prefixes: [\""
        + provider
        + ":\"]\n    command: "
        + yamlCommand(List.of("serve", "--provider", provider, "--state", "sqlite:" + db))
        + "\n";
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** An HTTP provider server; returns once it says it is ready. */
  static Process startHttpServer(
      Path dir, String name, int port, List<String> args, Map<String, String> env)
      throws Exception {
    List<String> cmd = mcpIac();
    cmd.addAll(List.of("serve", "--transport", "http", "--port", String.valueOf(port)));
    cmd.addAll(args);
    Path log = dir.resolve(name + "-" + System.nanoTime() + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(log.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String text = Files.exists(log) ? Files.readString(log) : "";
      if (text.contains("MCP server ready at")) {
        return p;
      }
      if (!p.isAlive()) {
        throw new AssertionError("server " + name + " ended: " + text);
      }
      Thread.sleep(50);
    }
    p.destroyForcibly();
    throw new AssertionError("server " + name + " did not start: " + Files.readString(log));
  }

  /** What a finished command printed and how it ended. */
  public record Run(int exit, String stdout, String stderr) {
    /** The last JSON object printed on stdout (the result with --json). */
    public JsonNode json() {
      String[] lines = stdout.split("\n");
      for (int i = lines.length - 1; i >= 0; i--) {
        String l = lines[i].trim();
        if (l.startsWith("{")) {
          return Json.parse(l);
        }
      }
      throw new AssertionError("no JSON in: " + stdout + "\n" + stderr);
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
  }

  /** Starts an {@code mcp-iac} command in {@code dir}. */
  public static Process start(Path dir, List<String> args, Map<String, String> env)
      throws IOException {
    List<String> cmd = mcpIac();
    cmd.addAll(args);
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("cmd.out").toFile())
            .redirectError(dir.resolve("cmd.err").toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  public static Run finish(Path dir, Process p) throws Exception {
    if (!p.waitFor(240, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("command did not end: " + Files.readString(dir.resolve("cmd.err")));
    }
    return new Run(
        p.exitValue(),
        Files.readString(dir.resolve("cmd.out")),
        Files.readString(dir.resolve("cmd.err")));
  }

  public static Run run(Path dir, List<String> args, Map<String, String> env) throws Exception {
    return finish(dir, start(dir, args, env));
  }
}
