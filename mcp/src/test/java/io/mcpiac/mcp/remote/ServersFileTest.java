package io.mcpiac.mcp.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** servers.yaml: what a user writes, and the messages for what they get wrong. */
class ServersFileTest {

  @Test
  void stdioServersLearnTheDeploymentsDirectoryUnlessTheFileSaysOtherwise() {
    ServersFile f =
        ServersFile.parse(
            """
            servers:
              - name: docker
                prefixes: ["docker:"]
                command: [bin/mcp-iac, serve, --provider, docker]
              - name: pinned
                prefixes: ["core:"]
                command: [bin/mcp-iac, serve, --provider, core]
                env: {MCP_IAC_BASE_DIR: /srv/builds}
              - name: firewall
                prefixes: ["opnsense:"]
                url: http://127.0.0.1:8123/mcp
            """,
            "servers.yaml");
    java.nio.file.Path examples = java.nio.file.Path.of("/work/examples/portal/../portal");
    List<ServerSpec> told = f.servers().stream().map(s -> s.withBaseDirectory(examples)).toList();
    assertThat(told.get(0).env())
        .containsEntry(ServerSpec.BASE_DIRECTORY_ENV, "/work/examples/portal");
    assertThat(told.get(1).env()).containsEntry(ServerSpec.BASE_DIRECTORY_ENV, "/srv/builds");
    assertThat(told.get(2).env()).isEmpty(); // an HTTP server runs elsewhere
    assertThat(f.servers().get(0).withBaseDirectory(null).env()).isEmpty();
  }

  @Test
  void readsStdioAndHttpServers() {
    ServersFile f =
        ServersFile.parse(
            """
            servers:
              - name: docker
                prefixes: ["docker:"]
                command: [bin/mcp-iac, serve, --provider, docker]
                env: {MCP_IAC_STATE: "sqlite:d.db"}
              - name: firewall
                prefixes: ["opnsense:", core]
                url: http://127.0.0.1:8123/mcp
                tokenEnv: FW_TOKEN
                timeoutSeconds: 30
            """,
            "servers.yaml");
    assertThat(f.subDeployment()).isEqualTo(ServersFile.DEFAULT_SUB_DEPLOYMENT);
    ServerSpec docker = f.servers().get(0);
    assertThat(docker.stdio()).isTrue();
    assertThat(docker.command()).containsExactly("bin/mcp-iac", "serve", "--provider", "docker");
    assertThat(docker.env()).containsEntry("MCP_IAC_STATE", "sqlite:d.db");
    assertThat(docker.prefixes()).containsExactly("docker");
    ServerSpec fw = f.servers().get(1);
    assertThat(fw.stdio()).isFalse();
    assertThat(fw.url().getPort()).isEqualTo(8123);
    assertThat(fw.tokenEnv()).isEqualTo("FW_TOKEN");
    assertThat(fw.prefixes()).containsExactly("opnsense", "core");
    assertThat(fw.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(fw.describe()).isEqualTo("server 'firewall' (http://127.0.0.1:8123/mcp)");
  }

  @Test
  void refusesWhatCannotWork() {
    for (List<String> c :
        List.of(
            List.of("servers: []", "non-empty 'servers'"),
            List.of(
                "servers: [{name: a, prefixes: [x], command: [a], url: http://h/mcp}]",
                "either 'command' or 'url'"),
            List.of(
                "servers: [{name: a, prefixes: [x], url: http://h/mcp, token: abc}]",
                "never write a token"),
            List.of(
                "servers: [{name: a, prefixes: [x], command: [a]},"
                    + " {name: b, prefixes: [\"x:\"], command: [b]}]",
                "already owned by server 'a'"),
            List.of("servers: [{name: a, prefixes: [], command: [a]}]", "lists no type prefix"),
            List.of("servers: [{name: a, prefixes: [x], url: ftp://h}]", "must be http(s)"))) {
      assertThatThrownBy(() -> ServersFile.parse(c.get(0), "s.yaml"))
          .as(c.get(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("s.yaml")
          .hasMessageContaining(c.get(1));
    }
  }
}
