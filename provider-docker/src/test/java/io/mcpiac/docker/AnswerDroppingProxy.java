package io.mcpiac.docker;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Unix-socket proxy in front of the Docker Engine that forwards every request and, once armed,
 * drops the answer of the next create ({@code POST …/create}): the engine makes the object, the
 * client's connection is closed before it hears of it. A dropped connection after the write, as the
 * OPNsense emulator's held answer is for the firewall.
 */
final class AnswerDroppingProxy implements AutoCloseable {
  private final Path dir;
  private final Path socket;
  private final Path upstream;
  private final ServerSocketChannel server;
  private final AtomicBoolean armed = new AtomicBoolean();
  private final AtomicBoolean dropped = new AtomicBoolean();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "answer-dropping-proxy");
            t.setDaemon(true);
            return t;
          });

  AnswerDroppingProxy(Path upstream) throws IOException {
    this.upstream = upstream;
    dir = Files.createTempDirectory("docker-proxy");
    socket = dir.resolve("docker.sock");
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    threads.submit(this::accept);
  }

  /** Where a client connects instead of the engine. */
  String host() {
    return "unix://" + socket;
  }

  void arm() {
    dropped.set(false);
    armed.set(true);
  }

  /** Whether an answer was dropped since {@link #arm}. */
  boolean dropped() {
    return dropped.get();
  }

  private void accept() {
    while (server.isOpen()) {
      try {
        SocketChannel client = server.accept();
        SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(upstream));
        AtomicBoolean createSent = new AtomicBoolean();
        threads.submit(() -> requests(client, engine, createSent));
        threads.submit(() -> answers(engine, client, createSent));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Request heads are watched for the armed create. */
  private void requests(SocketChannel from, SocketChannel to, AtomicBoolean createSent) {
    pump(
        from,
        to,
        buf -> {
          String head = StandardCharsets.ISO_8859_1.decode(buf.duplicate()).toString();
          int eol = head.indexOf("\r\n");
          String line = eol < 0 ? head : head.substring(0, eol);
          if (line.startsWith("POST ")
              && line.contains("/create")
              && armed.compareAndSet(true, false)) {
            createSent.set(true);
          }
          return true;
        });
  }

  /** HTTP/1.1 without pipelining: after the create went out, the next bytes answer it. */
  private void answers(SocketChannel from, SocketChannel to, AtomicBoolean createSent) {
    pump(
        from,
        to,
        buf -> {
          if (createSent.get()) {
            dropped.set(true); // the create is done on the engine; its answer goes nowhere
            return false;
          }
          return true;
        });
  }

  /** Copies until either side closes or {@code forward} says to stop, then closes both. */
  private static void pump(
      SocketChannel from, SocketChannel to, java.util.function.Predicate<ByteBuffer> forward) {
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    try {
      while (from.read(buf) >= 0) {
        buf.flip();
        if (!forward.test(buf)) {
          return;
        }
        while (buf.hasRemaining()) {
          to.write(buf);
        }
        buf.clear();
      }
    } catch (IOException e) {
      // either side closed
    } finally {
      closeQuietly(from, to);
    }
  }

  private static void closeQuietly(SocketChannel a, SocketChannel b) {
    try {
      a.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    try {
      b.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
    Files.deleteIfExists(socket);
    Files.deleteIfExists(dir);
  }
}
