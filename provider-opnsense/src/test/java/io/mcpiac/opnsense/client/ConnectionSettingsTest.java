package io.mcpiac.opnsense.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderException;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void aSecondInstanceReadsItsSuffixedVariablesAndSettingsWin() {
    var settings = Json.object().put("url", "https://branch.example/api").put("insecure", true);
    ConnectionSettings s =
        ConnectionSettings.resolve(
            "opnsense/branch",
            settings,
            Map.of(
                "OPNSENSE_BRANCH_URL", "https://ignored",
                "OPNSENSE_BRANCH_API_KEY", "bk",
                "OPNSENSE_BRANCH_API_SECRET", "bs",
                "OPNSENSE_API_KEY", "hq-key"));
    assertThat(s.url()).isEqualTo("https://branch.example");
    assertThat(s.apiKey()).isEqualTo("bk");
    assertThat(s.insecure()).isTrue();
    assertThat(ConnectionSettings.envPrefix("opnsense/branch-2")).isEqualTo("OPNSENSE_BRANCH_2_");
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
    var env = Map.of("OPNSENSE_URI", "https://env.lan");
    ConnectionSettings s = ConnectionSettings.resolve("opnsense", settings, env);
    assertThat(s.apiKey()).isEqualTo("K1");
    assertThat(s.url()).isEqualTo("https://file.lan");
    assertThat(ConnectionSettings.overriddenByFile("opnsense", settings, env))
        .containsExactly("opnsense: url from the deployment file overrides $OPNSENSE_URI");
    assertThat(ConnectionSettings.overriddenByFile("opnsense", settings, Map.of())).isEmpty();
  }
}
