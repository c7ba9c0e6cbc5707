package io.mcpiac.opnsense.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionSettingsTest {
  @TempDir Path dir;

  @Test
  void defaultInstanceReadsOpnsenseVariablesAndAcceptsTheOlderHostName() {
    ConnectionSettings s =
        ConnectionSettings.resolve(
            "opnsense",
            Json.object(),
            Map.of(
                "OPNSENSE_HOST", "fw.lan/", "OPNSENSE_API_KEY", "k", "OPNSENSE_API_SECRET", "s"));
    assertThat(s.url()).isEqualTo("https://fw.lan");
    assertThat(s.complete()).isTrue();
    assertThat(s.insecure()).isFalse();
  }

  @Test
  void aSecondInstanceReadsItsSuffixedVariables() {
    ConnectionSettings s =
        ConnectionSettings.resolve(
            "opnsense/branch",
            Json.object().put("url", "https://branch.example/api").put("insecure", true),
            Map.of(
                "OPNSENSE_BRANCH_URL", "https://branch.example",
                "OPNSENSE_BRANCH_API_KEY", "bk",
                "OPNSENSE_BRANCH_API_SECRET", "bs",
                "OPNSENSE_API_KEY", "hq-key"));
    assertThat(s.url()).isEqualTo("https://branch.example");
    assertThat(s.apiKey()).isEqualTo("bk");
    assertThat(s.insecure()).isTrue();
    assertThat(ConnectionSettings.envPrefix("opnsense/branch-2")).isEqualTo("OPNSENSE_BRANCH_2_");
  }

  @Test
  void aFileUrlThatDiffersFromTheEnvironmentsGetsNoCredentialsWithoutOptIn() {
    Map<String, String> env =
        Map.of(
            "OPNSENSE_URL", "https://fw.lan",
            "OPNSENSE_API_KEY", "k",
            "OPNSENSE_API_SECRET", "s");
    var fromFile = Json.object().put("url", "https://attacker.example");
    ConnectionSettings s = ConnectionSettings.resolve("opnsense", fromFile, env);
    assertThat(s.apiKey()).isNull();
    assertThat(s.apiSecret()).isNull();
    assertThatThrownBy(s::requireComplete)
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("bound to https://fw.lan")
        .hasMessageContaining("https://attacker.example")
        .hasMessageContaining("OPNSENSE_TRUST_FILE_URL=true");
    // a file URL and no URL in the environment: the same
    Map<String, String> keysOnly = Map.of("OPNSENSE_API_KEY", "k", "OPNSENSE_API_SECRET", "s");
    assertThat(ConnectionSettings.resolve("opnsense", fromFile, keysOnly).apiKey()).isNull();
    // the operator's opt-in
    Map<String, String> optIn = new java.util.HashMap<>(env);
    optIn.put("OPNSENSE_TRUST_FILE_URL", "true");
    assertThat(ConnectionSettings.resolve("opnsense", fromFile, optIn).apiKey()).isEqualTo("k");
    // the same URL, written differently
    var same = Json.object().put("url", "fw.lan/api/");
    assertThat(ConnectionSettings.resolve("opnsense", same, env).apiKey()).isEqualTo("k");
  }

  @Test
  void plainHttpCarriesCredentialsOnlyToLoopbackUnlessTheEnvironmentSaysInsecure() {
    Map<String, String> remote =
        Map.of(
            "OPNSENSE_URL", "http://fw.lan", "OPNSENSE_API_KEY", "k", "OPNSENSE_API_SECRET", "s");
    ConnectionSettings s = ConnectionSettings.resolve("opnsense", Json.object(), remote);
    assertThat(s.apiKey()).isNull();
    assertThatThrownBy(s::requireComplete).hasMessageContaining("plain http");
    // the file cannot allow it for the operator
    var fileInsecure = Json.object().put("insecure", true);
    assertThat(ConnectionSettings.resolve("opnsense", fileInsecure, remote).apiKey()).isNull();
    Map<String, String> allowed = new java.util.HashMap<>(remote);
    allowed.put("OPNSENSE_INSECURE", "true");
    assertThat(ConnectionSettings.resolve("opnsense", Json.object(), allowed).apiKey())
        .isEqualTo("k");
    for (String loopback : List.of("http://127.0.0.1:8443", "http://localhost:1", "http://[::1]")) {
      Map<String, String> local =
          Map.of("OPNSENSE_URL", loopback, "OPNSENSE_API_KEY", "k", "OPNSENSE_API_SECRET", "s");
      assertThat(ConnectionSettings.resolve("opnsense", Json.object(), local).apiKey())
          .as(loopback)
          .isEqualTo("k");
    }
    Map<String, String> tricky =
        Map.of(
            "OPNSENSE_URL",
            "http://127.0.0.1.evil.example",
            "OPNSENSE_API_KEY",
            "k",
            "OPNSENSE_API_SECRET",
            "s");
    assertThat(ConnectionSettings.resolve("opnsense", Json.object(), tricky).apiKey()).isNull();
  }

  @Test
  void keyFileAsOpnsenseExportsIt() throws Exception {
    Path key = dir.resolve("apikey.txt");
    Files.writeString(key, "key=AbC+/1\nsecret=s3cr3t/+x\n");
    ConnectionSettings s =
        ConnectionSettings.resolve(
            "opnsense",
            Json.object(),
            Map.of("OPNSENSE_URL", "https://fw", "OPNSENSE_API_KEY_FILE", key.toString()));
    assertThat(s.apiKey()).isEqualTo("AbC+/1");
    assertThat(s.apiSecret()).isEqualTo("s3cr3t/+x");
    assertThat(s.toString()).doesNotContain("s3cr3t").doesNotContain("AbC");
  }

  @Test
  void missingSettingsSayWhichVariablesToSet() {
    ConnectionSettings s = ConnectionSettings.resolve("opnsense/branch", Json.object(), Map.of());
    assertThatThrownBy(s::requireComplete)
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("OPNSENSE_BRANCH_URL")
        .hasMessageContaining("OPNSENSE_BRANCH_API_KEY");
  }

  @Test
  void theTerraformProvidersUriNameIsAcceptedAndOurUrlWins() {
    var env = Map.of("OPNSENSE_URI", "https://tf.lan", "OPNSENSE_HOST", "host.lan");
    assertThat(ConnectionSettings.resolve("opnsense", Json.object(), env).url())
        .isEqualTo("https://tf.lan");
    var all = Map.of("OPNSENSE_URL", "https://ours", "OPNSENSE_URI", "https://tf.lan");
    assertThat(ConnectionSettings.resolve("opnsense", Json.object(), all).url())
        .isEqualTo("https://ours");
    assertThat(
            ConnectionSettings.resolve(
                    "opnsense/branch", Json.object(), Map.of("OPNSENSE_BRANCH_URI", "https://b"))
                .url())
        .isEqualTo("https://b");
  }

  @Test
  void apiKeyFileInTheDeploymentIsReadAndAFileSettingOverridingTheEnvironmentIsNamed()
      throws Exception {
    Path key = dir.resolve("apikey.txt");
    Files.writeString(key, "key=K1\nsecret=S1\n");
    var settings = Json.object().put("url", "https://file.lan").put("apiKeyFile", key.toString());
    ConnectionSettings s = ConnectionSettings.resolve("opnsense", settings, Map.of());
    assertThat(s.apiKey()).isEqualTo("K1");
    assertThat(s.url()).isEqualTo("https://file.lan");
    // a file URL other than the environment's wins, and is named (credentials are then withheld
    // unless bound to it: CredentialBinding)
    var env = Map.of("OPNSENSE_URI", "https://env.lan");
    assertThat(ConnectionSettings.resolve("opnsense", settings, env).url())
        .isEqualTo("https://file.lan");
    assertThat(ConnectionSettings.overriddenByFile("opnsense", settings, env))
        .containsExactly("opnsense: url from the deployment file overrides $OPNSENSE_URI");
    assertThat(ConnectionSettings.overriddenByFile("opnsense", settings, Map.of())).isEmpty();
  }
}
