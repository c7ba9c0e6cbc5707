package io.mcpiac.opnsense.client;

/** An OPNsense release, e.g. {@code 26.1.6}: what the API offers depends on it. */
public record FirewallVersion(int major, int minor, String text) {

  public static FirewallVersion parse(String text) {
    String[] parts = text.trim().split("[^0-9]+");
    int major = parts.length > 0 && !parts[0].isEmpty() ? Integer.parseInt(parts[0]) : 0;
    int minor = parts.length > 1 && !parts[1].isEmpty() ? Integer.parseInt(parts[1]) : 0;
    return new FirewallVersion(major, minor, text.trim());
  }

  public boolean atLeast(int major, int minor) {
    return this.major > major || (this.major == major && this.minor >= minor);
  }

  /** Firewall savepoint with automatic rollback: removed in 26.7. */
  public boolean hasSavepoints() {
    return !atLeast(26, 7);
  }

  /** {@code /api/interfaces/assignment/*}: 26.7+. */
  public boolean hasAssignmentApi() {
    return atLeast(26, 7);
  }

  /** searchRule without {@code interface} lists every rule (26.7+), not only floating ones. */
  public boolean searchesAllRules() {
    return atLeast(26, 7);
  }

  /** The source NAT mode decides which manual rules searchRule shows (26.7+). */
  public boolean hasSnatMode() {
    return atLeast(26, 7);
  }

  /** Search rows carry raw values (25.7+); before, option fields carried their labels. */
  public boolean searchHasRawValues() {
    return atLeast(25, 7);
  }

  @Override
  public String toString() {
    return text;
  }
}
