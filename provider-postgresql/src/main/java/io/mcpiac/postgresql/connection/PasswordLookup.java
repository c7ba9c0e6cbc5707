package io.mcpiac.postgresql.connection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The password of a connection, from (first found wins) the instance's secret reference ({@code
 * passwordEnv}: a variable's name, {@code passwordFile}: a file), {@code PGPASSWORD}, or the pgpass
 * file's first line matching host, port, database and user ({@code *} matches anything; {@code \:}
 * and {@code \\} escape). Never from the deployment file. Empty when none is found: the server may
 * not ask for one (trust, peer, certificates).
 */
public final class PasswordLookup {
  private final ConnectionSettings settings;
  private final Function<String, String> env;

  public PasswordLookup(ConnectionSettings settings, Function<String, String> env) {
    this.settings = settings;
    this.env = env;
  }

  /**
   * @throws IllegalArgumentException when a secret reference names nothing (the message says which)
   */
  public Optional<String> password(String database) {
    if (settings.passwordEnv() != null) {
      String value = env.apply(settings.passwordEnv());
      if (value == null) {
        throw new IllegalArgumentException(
            "passwordEnv names $" + settings.passwordEnv() + ", which is not set");
      }
      return Optional.of(value);
    }
    if (settings.passwordFile() != null) {
      try {
        return Optional.of(Files.readString(Path.of(settings.passwordFile())).strip());
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot read passwordFile " + settings.passwordFile() + ": " + e.getMessage());
      }
    }
    String fromEnv = env.apply("PGPASSWORD");
    if (fromEnv != null) {
      return Optional.of(fromEnv);
    }
    return fromPassfile(database);
  }

  private Optional<String> fromPassfile(String database) {
    Path file = Path.of(settings.passfile());
    if (!Files.isReadable(file)) {
      return Optional.empty();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      return Optional.empty();
    }
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> f = fields(line);
      if (f.size() == 5
          && matches(f.get(0), settings.host())
          && matches(f.get(1), String.valueOf(settings.port()))
          && matches(f.get(2), database)
          && matches(f.get(3), settings.user())) {
        return Optional.of(f.get(4));
      }
    }
    return Optional.empty();
  }

  private static boolean matches(String pattern, String value) {
    return pattern.equals("*") || pattern.equals(value);
  }

  /** The five colon-separated fields of a pgpass line, with libpq's escapes. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        field.append(line.charAt(++i));
      } else if (c == ':' && out.size() < 4) {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }
}
