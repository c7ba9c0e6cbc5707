package io.mcpiac.opnsense.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: flags, the single ready line, credentials, {@code --ca-out}, TLS names. */
class LauncherTest {
  @TempDir Path dir;

  record Run(EmulatorLauncher.Started started, String out, String err) {}

  static Run start(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    EmulatorLauncher.Started s =
        EmulatorLauncher.start(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(s, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsOneReadyLineThenGeneratedCredentials() throws Exception {
    Path ca = dir.resolve("ca.pem");
    Run r = start("--port", "0", "--version", "26.1", "--ca-out", ca.toString(), "--read-only-key");
    try (OpnsenseEmulator emu = r.started().emulator()) {
      List<String> lines = r.out().lines().toList();
      assertThat(lines.get(0))
          .matches(
              "OPNsense emulator listening on https://127\\.0\\.0\\.1:\\d+ \\(version 26\\.1\\.6\\)");
      assertThat(lines.stream().filter(l -> l.startsWith("OPNsense emulator listening")).count())
          .isEqualTo(1);
      assertThat(lines.get(1)).isEqualTo("api key: " + emu.apiKey());
      assertThat(lines.get(2)).isEqualTo("api secret: " + emu.apiSecret());
      assertThat(emu.apiKey()).hasSize(80);
      String roKey = lines.get(3).substring("read-only api key: ".length());
      String roSecret = lines.get(4).substring("read-only api secret: ".length());

      String pem = Files.readString(ca);
      assertThat(pem).isEqualTo(emu.caCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
      Client viaIp = new Client(emu.url(), pem, emu.apiKey(), emu.apiSecret());
      assertThat(
              viaIp.get("/api/core/firmware/status").json().at("/product/product_series").asText())
          .isEqualTo("26.1");
      Client viaName =
          new Client(
              emu.url().replace("127.0.0.1", "localhost"), pem, emu.apiKey(), emu.apiSecret());
      assertThat(viaName.get("/api/core/firmware/running").status()).isEqualTo(200);

      Client ro = new Client(emu.url(), pem, roKey, roSecret);
      assertThat(ro.get("/api/firewall/alias/searchItem").status()).isEqualTo(200);
      assertThat(
              ro.post(
                      "/api/firewall/alias/addItem",
                      "{\"alias\":{\"name\":\"a\",\"type\":\"host\"}}")
                  .status())
          .isEqualTo(500);
    }
  }

  @Test
  void serverCertificateNamesLocalhostAndLoopback() throws Exception {
    try (OpnsenseEmulator emu = OpnsenseEmulator.builder().build().start()) {
      X509Certificate ca =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new java.io.ByteArrayInputStream(
                          emu.caCertificatePem().getBytes(StandardCharsets.US_ASCII)));
      assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
      assertThat(emu.url()).startsWith("https://127.0.0.1:").doesNotEndWith("/");
      assertThat(emu.version()).isEqualTo("26.7.2");
    }
  }

  @Test
  void givenCredentialsAreNotPrintedAndPlainHttpWorks() {
    Run r =
        start(
            "--no-tls",
            "--api-key",
            "k",
            "--api-secret",
            "s",
            "--bind",
            "127.0.0.1",
            "--no-control-api");
    try (OpnsenseEmulator emu = r.started().emulator()) {
      assertThat(r.out().lines().toList()).hasSize(1);
      assertThat(emu.url()).startsWith("http://127.0.0.1:");
      assertThat(emu.caCertificatePem()).isNull();
      Client c = new Client(emu.url(), null, "k", "s");
      assertThat(c.get("/api/core/firmware/status").status()).isEqualTo(200);
      assertThat(c.get("/__emulator/state").status()).isEqualTo(404);
    }
  }

  @Test
  void badArgumentsExitWithUsage() {
    assertThat(start("--version", "24.1").started().exitCode()).isEqualTo(2);
    assertThat(start("--port", "abc").started().exitCode()).isEqualTo(2);
    assertThat(start("--frobnicate").err())
        .contains("unknown option --frobnicate")
        .contains("usage:");
    assertThat(start("--api-key", "only-key").started().exitCode()).isEqualTo(2);
    assertThat(start("--no-tls", "--ca-out", dir.resolve("x.pem").toString()).started().exitCode())
        .isEqualTo(2);
    assertThat(start("--help").out()).contains("usage:");
  }

  @Test
  void runBlocksUntilInterrupted() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int[] code = {-1};
    Thread t =
        new Thread(
            () ->
                code[0] =
                    EmulatorLauncher.run(
                        new String[] {"--port", "0"},
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        System.err));
    t.start();
    org.awaitility.Awaitility.await()
        .until(() -> out.toString(StandardCharsets.UTF_8).contains("listening"));
    assertThat(t.isAlive()).isTrue();
    t.interrupt();
    t.join(10_000);
    assertThat(code[0]).isZero();
  }

  @Test
  void aPortInUseIsAStartFailure() {
    try (OpnsenseEmulator first = OpnsenseEmulator.builder().tls(false).build().start()) {
      String port = first.url().substring(first.url().lastIndexOf(':') + 1);
      Run r = start("--no-tls", "--port", port);
      assertThat(r.started().exitCode()).isEqualTo(1);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains("cannot start the OPNsense emulator");
    }
  }
}
