package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installing the command and starting a server the way an MCP client does. */
class InstallAndServeTest {
  @TempDir Path dir;

  @Test
  void installWritesALauncherAndCompletions() throws Exception {
    Path prefix = dir.resolve("prefix");
    Cli.Run r = Cli.run("install", "--prefix", prefix.toString());
    assertThat(r.exit()).as(r.printed()).isZero();
    Path launcher = prefix.resolve("bin/mcp-iac");
    assertThat(launcher).isExecutable();
    assertThat(Files.readString(launcher)).startsWith("#!/bin/sh").contains("exec ");
    assertThat(prefix.resolve("share/bash-completion/completions/mcp-iac")).exists();
    assertThat(prefix.resolve("share/zsh/site-functions/_mcp-iac")).exists();
    assertThat(r.out()).contains("is not on your PATH", "export PATH=");
  }

  @Test
  void serveInAnUnwritableDirectoryKeepsStateInTheUsersLocation() throws Exception {
    Path xdg = dir.resolve("xdg");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of("serve", "--provider", "core"));
    ProcessBuilder pb = new ProcessBuilder(command).directory(new java.io.File("/proc"));
    pb.environment().put("XDG_STATE_HOME", xdg.toString());
    pb.environment().remove("MCP_IAC_STATE");
    Process p = pb.start();
    try (BufferedReader err =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      String line = err.readLine();
      assertThat(line)
          .contains("/proc/.mcp-iac is not writable")
          .contains("keeping state in sqlite:" + xdg.resolve("mcp-iac/state.db"));
      // the server runs: an MCP initialize gets an answer on stdout
      p.getOutputStream()
          .write(
              ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                      + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                      + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n")
                  .getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().flush();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).contains("\"id\":1", "serverInfo");
      assertThat(xdg.resolve("mcp-iac/state.db")).exists();
    } finally {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
