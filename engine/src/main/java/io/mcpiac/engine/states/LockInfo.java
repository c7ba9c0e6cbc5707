package io.mcpiac.engine.states;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Who holds a deployment's write lock. */
public record LockInfo(String owner, String host, long pid, Instant startedAt, String operation) {

  /** This process, about to run {@code operation}. */
  public static LockInfo current(String operation) {
    String host = hostName();
    String user = System.getProperty("user.name", "unknown");
    long pid = ProcessHandle.current().pid();
    // "pid@host", as the JVM's RuntimeMXBean names a process, without loading JMX at every start
    String runtime = pid + "@" + host;
    return new LockInfo(user + " (" + runtime + ")", host, pid, Instant.now(), operation);
  }

  /**
   * The kernel's host name where Linux tells it in a file: InetAddress.getLocalHost() gives the
   * same name but loads the JDK's networking and may ask a resolver, at every locking command.
   */
  private static String hostName() {
    try {
      Path kernel = Path.of("/proc/sys/kernel/hostname");
      if (Files.isReadable(kernel)) {
        String name = Files.readString(kernel).trim();
        if (!name.isEmpty()) {
          return name;
        }
      }
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  public String describe() {
    return owner + " on " + host + ", pid " + pid + ", " + operation + " since " + startedAt;
  }
}
