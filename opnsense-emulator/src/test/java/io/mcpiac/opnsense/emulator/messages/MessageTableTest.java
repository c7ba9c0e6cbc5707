package io.mcpiac.opnsense.emulator.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.opnsense.emulator.VersionProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fidelity table ({@code MESSAGES.md}, generated from OPNsense's source) and the emulator's
 * messages are the same set: every {@link Message} is answered only in profiles whose source has
 * it, every message of the model tables was found in the source, and no code writes a message of
 * its own.
 */
class MessageTableTest {
  record Row(String message, String where, String source, Set<String> versions, String origin) {}

  static final Path MODULE = Path.of("").toAbsolutePath();

  static List<Row> table() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(MODULE.resolve("MESSAGES.md"))) {
      if (!line.startsWith("| ") || line.startsWith("| message |")) {
        continue;
      }
      List<String> c = cells(line);
      rows.add(
          new Row(
              c.get(0),
              c.get(1),
              c.get(2),
              c.get(3).isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(c.get(3).split(" "))),
              c.get(4)));
    }
    return rows;
  }

  /** Splits a table row; {@code \|}, {@code \n} and {@code \\} are escapes. */
  static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 1; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '\\' && i + 1 < line.length()) {
        char n = line.charAt(++i);
        cur.append(n == 'n' ? '\n' : n);
      } else if (ch == '|') {
        out.add(cur.toString().trim());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    return out;
  }

  static String profile(VersionProfile v) {
    return v == VersionProfile.V26_1_0 ? "26.1.0" : v.productVersion();
  }

  /** The model tables' own messages: "<table> <section>.<field>" → message. */
  static List<String[]> modelMessages() throws IOException {
    Pattern section = Pattern.compile("^\\*\\*`([^`]+)`\\*\\*");
    Pattern field = Pattern.compile("^\\| `([^`]+)`");
    // a message ends at the quote before "; " or the cell's end (it may hold quotes itself)
    Pattern msg = Pattern.compile("msg: \"(.*?)\"(?=;\\s|\\s*\\|)|msg=\"(.*?)\"(?=;\\s|\\s*\\|)");
    List<String[]> out = new ArrayList<>();
    Path dir = MODULE.resolve("src/main/resources/io/mcpiac/opnsense/emulator/models");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String sec = "";
        String table = f.getFileName().toString().replace(".md", "");
        for (String line : Files.readAllLines(f)) {
          Matcher s = section.matcher(line);
          if (s.find()) {
            sec = s.group(1);
          }
          Matcher fm = field.matcher(line);
          if (!fm.find()) {
            continue;
          }
          // the generator lists msg: entries before constraint msg= entries
          List<String> found = new ArrayList<>();
          Matcher m = msg.matcher(line);
          List<String> colon = new ArrayList<>();
          List<String> eq = new ArrayList<>();
          while (m.find()) {
            (m.group(1) != null ? colon : eq).add(m.group(1) != null ? m.group(1) : m.group(2));
          }
          found.addAll(colon);
          found.addAll(eq);
          for (String text : found) {
            out.add(new String[] {table + " " + sec + "." + fm.group(1), text});
          }
        }
      }
    }
    return out;
  }

  @Test
  void everyMessageIsAnsweredOnlyInProfilesWhoseSourceHasIt() throws IOException {
    List<Row> rows = table();
    for (Message m : Message.values()) {
      List<Row> mine =
          rows.stream().filter(r -> r.where().startsWith("Message." + m.name() + " ")).toList();
      assertThat(mine).as(m.name()).hasSize(1);
      Row r = mine.get(0);
      assertThat(r.message()).as(m.name()).isEqualTo(m.template());
      Set<String> answered =
          Stream.of(VersionProfile.values())
              .filter(m::existsIn)
              .map(MessageTableTest::profile)
              .collect(Collectors.toCollection(TreeSet::new));
      // answered only where the source has it (a short title may exist elsewhere earlier)
      assertThat(r.versions()).as(m.name() + " found in the source of").containsAll(answered);
      assertThat(r.origin()).as(m.name()).isEqualTo("source");
    }
  }

  @Test
  void theModelTablesMessagesAreInTheTableAndInTheSource() throws IOException {
    List<Row> rows = table();
    List<String[]> model = modelMessages();
    for (String[] mm : model) {
      assertThat(rows)
          .as(mm[0] + ": " + mm[1])
          .anySatisfy(
              r -> {
                assertThat(r.where()).isEqualTo(mm[0]);
                assertThat(r.message()).isEqualTo(mm[1]);
                assertThat(r.origin()).isEqualTo("source");
              });
    }
    // nothing else: the table is exactly the code's messages plus the model tables'
    assertThat(rows).hasSize(Message.values().length + model.size());
  }

  @Test
  void noCodeWritesAMessageOfItsOwn() throws IOException {
    Pattern literal =
        Pattern.compile(
            "(m\\.add\\([^;]*?,\\s*\"|UserException\\(\\s*\"|message\\(\\s*\""
                + "|v\\.add\\([^;]*?,\\s*\"|one\\(\\s*\")");
    Set<String> offenders = new LinkedHashSet<>();
    Path src = MODULE.resolve("src/main/java/io/mcpiac/opnsense/emulator");
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (f.getFileName().toString().equals("Message.java")) {
          continue;
        }
        Matcher m = literal.matcher(Files.readString(f));
        while (m.find()) {
          offenders.add(src.relativize(f) + ": " + m.group());
        }
      }
    }
    assertThat(offenders).isEmpty();
  }
}
