package io.mcpiac.engine.states;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Instant;

/** Who holds a deployment's write lock. */
public record LockInfo(String owner, String host, long pid, Instant startedAt, String operation) {

  /** This process, about to run {@code operation}. */
  public static LockInfo current(String operation) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "localhost";
    }
    String user = System.getProperty("user.name", "unknown");
    long pid = ProcessHandle.current().pid();
    String runtime = ManagementFactory.getRuntimeMXBean().getName();
    return new LockInfo(user + " (" + runtime + ")", host, pid, Instant.now(), operation);
  }

  public String describe() {
    return owner + " on " + host + ", pid " + pid + ", " + operation + " since " + startedAt;
  }
}
