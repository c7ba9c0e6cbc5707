package io.mcpiac.opnsense.emulator;

import io.mcpiac.opnsense.emulator.api.ApiKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Command line of {@code mcp-iac opnsense-emulator}: parses the flags, starts the emulator, prints
 * exactly one ready line ({@code OPNsense emulator listening on URL (version V)}) followed by the
 * generated credentials, and blocks until interrupted.
 */
public final class EmulatorLauncher {
  static final String USAGE =
      "usage: opnsense-emulator [--port N] [--bind ADDR] [--version 26.1|26.7] [--tls|--no-tls]\n"
          + "                         [--api-key K --api-secret S] [--data DIR] [--no-control-api]\n"
          + "                         [--ca-out FILE] [--read-only-key]";

  static final String OPTIONS =
      """
      A sandbox OPNsense API server: the firewall's REST API, with its validation, paging,
      pending-vs-applied changes and savepoints, for trying mcp-iac and for tests.

      Options:
        --port N              port to listen on (default: a free port, printed at start)
        --bind ADDR           address to listen on (default: 127.0.0.1)
        --version V           OPNsense version to behave as: 26.1 (with firewall savepoints) or
                              26.7 (default)
        --tls | --no-tls      HTTPS with a generated certificate (default) or plain HTTP
        --api-key K           the API key clients log in with (default: generated, printed)
        --api-secret S        its secret (default: generated, printed)
        --data DIR            keep the configuration in DIR across restarts (default: in memory)
        --no-control-api      no /__emulator/ fault-injection and call-count API
        --ca-out FILE         write the generated CA certificate to FILE (for OPNSENSE_CA_FILE)
        --read-only-key       also create and print a read-only API key
        -h, --help            show this help and exit
      """;

  private EmulatorLauncher() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs until interrupted; returns the exit code (2 for usage errors, 1 for start failures). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Started s = start(args, out, err);
    if (s.emulator() == null) {
      return s.exitCode();
    }
    CountDownLatch stop = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              s.emulator().close();
              stop.countDown();
            },
            "opnsense-emulator-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stop.await();
    } catch (InterruptedException e) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException ignored) {
        // the JVM is already shutting down; the hook closes the emulator
      }
      s.emulator().close();
      // keep the caller's interrupt visible once the server is down
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** A started emulator, or the exit code of a failed start. */
  record Started(OpnsenseEmulator emulator, int exitCode) {}

  /** Parses and starts without blocking (the testable part of {@link #run}). */
  static Started start(String[] args, PrintStream out, PrintStream err) {
    OpnsenseEmulator.Builder b = OpnsenseEmulator.builder();
    Path caOut = null;
    boolean readOnlyKey = false;
    boolean credentialsGiven = false;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--port" -> b.port(parsePort(value(args, ++i, a)));
          case "--bind" -> b.bind(value(args, ++i, a));
          case "--version" -> b.version(value(args, ++i, a));
          case "--tls" -> b.tls(true);
          case "--no-tls" -> b.tls(false);
          case "--api-key" -> {
            b.apiKey(value(args, ++i, a));
            credentialsGiven = true;
          }
          case "--api-secret" -> b.apiSecret(value(args, ++i, a));
          case "--data" -> b.dataDir(Path.of(value(args, ++i, a)));
          case "--no-control-api" -> b.controlApi(false);
          case "--ca-out" -> caOut = Path.of(value(args, ++i, a));
          case "--read-only-key" -> readOnlyKey = true;
          case "--help", "-h" -> {
            out.println(USAGE);
            out.println();
            out.print(OPTIONS);
            return new Started(null, 0);
          }
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      }
      OpnsenseEmulator emulator = b.build();
      emulator.start();
      if (caOut != null) {
        if (emulator.caCertificatePem() == null) {
          emulator.close();
          throw new IllegalArgumentException("--ca-out needs TLS");
        }
        Files.writeString(caOut, emulator.caCertificatePem(), StandardCharsets.US_ASCII);
      }
      out.println(
          "OPNsense emulator listening on "
              + emulator.url()
              + " (version "
              + emulator.version()
              + ")");
      if (!credentialsGiven) {
        out.println("api key: " + emulator.apiKey());
        out.println("api secret: " + emulator.apiSecret());
      }
      if (readOnlyKey) {
        String k = ApiKeys.generate();
        String s = ApiKeys.generate();
        emulator.addApiKey(k, s, List.of("page-all"), true);
        out.println("read-only api key: " + k);
        out.println("read-only api secret: " + s);
      }
      out.flush();
      return new Started(emulator, 0);
    } catch (IllegalArgumentException e) {
      err.println("opnsense-emulator: " + e.getMessage());
      err.println(USAGE);
      return new Started(null, 2);
    } catch (IOException | RuntimeException e) {
      // start failures (port taken, unreadable data directory, …)
      err.println("opnsense-emulator: " + e.getMessage());
      return new Started(null, 1);
    }
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
  }

  private static int parsePort(String v) {
    try {
      int p = Integer.parseInt(v);
      if (p < 0 || p > 65535) {
        throw new IllegalArgumentException("--port must be 0..65535");
      }
      return p;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a number");
    }
  }
}
