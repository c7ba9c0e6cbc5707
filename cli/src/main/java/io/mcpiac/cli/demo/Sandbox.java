package io.mcpiac.cli.demo;

import io.mcpiac.opnsense.emulator.OpnsenseEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A sandbox firewall in this process: the OPNsense emulator over HTTPS, its CA in a temporary file,
 * and the environment an {@code opnsense} provider instance would read.
 */
public final class Sandbox implements AutoCloseable {
  private final OpnsenseEmulator emulator;
  private final Path caFile;

  private Sandbox(OpnsenseEmulator emulator, Path caFile) {
    this.emulator = emulator;
    this.caFile = caFile;
  }

  public static Sandbox start(String version) throws IOException {
    OpnsenseEmulator e =
        OpnsenseEmulator.builder()
            .version(version)
            .port(0)
            .bind("127.0.0.1")
            .tls(true)
            .controlApi(true)
            .build()
            .start();
    Path ca = Files.createTempFile("mcp-iac-sandbox-ca-", ".pem");
    ca.toFile().deleteOnExit();
    Files.writeString(ca, e.caCertificatePem());
    return new Sandbox(e, ca);
  }

  public OpnsenseEmulator emulator() {
    return emulator;
  }

  public Path caFile() {
    return caFile;
  }

  /** The variables of instance {@code prefix} ({@code OPNSENSE_}) that point at this sandbox. */
  public Map<String, String> env(String prefix) {
    return Map.of(
        prefix + "URL", emulator.url(),
        prefix + "API_KEY", emulator.apiKey(),
        prefix + "API_SECRET", emulator.apiSecret(),
        prefix + "CA_FILE", caFile.toString());
  }

  @Override
  public void close() {
    emulator.close();
    try {
      Files.deleteIfExists(caFile);
    } catch (IOException ignored) {
      // a temp file; deleteOnExit catches it
    }
  }
}
