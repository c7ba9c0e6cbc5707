package io.mcpiac.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a command line in this JVM, as a user would type it, and keeps what it printed. */
final class Cli {
  record Run(int exit, String out, String err) {
    /** For assertion messages. */
    String printed() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Cli() {}

  static synchronized Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  /** As {@link #run}, with {@code input} on standard input ({@code -f -}). */
  static synchronized Run runWithInput(String input, String... args) {
    java.io.InputStream in = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
      return run(args);
    } finally {
      System.setIn(in);
    }
  }

  /** The id state records for a resource, as {@code state show --json} reports it. */
  static String resourceId(String state, String deployment, String name) {
    Run show = run("state", "show", deployment, "--state", state, "--json");
    for (var r : io.mcpiac.engine.json.Json.parse(show.out()).path("resources")) {
      if (r.path("name").asText().equals(name)) {
        return r.path("id").asText();
      }
    }
    throw new AssertionError("no resource " + name + " in " + show.out());
  }
}
