package io.mcpiac.mcp.server;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The server over stdio. Stdout is the protocol channel: the caller hands over the real stdout and
 * points {@code System.out} at stderr before anything else can print.
 */
public final class StdioServer implements AutoCloseable {
  /** How long a finished session waits for running calls and applies. */
  static final Duration DRAIN = Duration.ofMinutes(5);

  /** How long the last requests get to be dispatched after the client's input ended. */
  static final Duration GRACE = Duration.ofMillis(500);

  private final IacServer iac;
  private final McpSyncServer server;
  private final CountDownLatch inputClosed = new CountDownLatch(1);

  private StdioServer(IacServer iac, InputStream in, OutputStream out) {
    StdinGate.LineWriter protocol = new StdinGate.LineWriter(out);
    StdinGate gate;
    try {
      gate = new StdinGate(in, protocol, inputClosed::countDown);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    var transport =
        new StdioServerTransportProvider(
            IacServer.JSON, new EndAware(gate.sdkInput(), inputClosed), protocol);
    this.iac = iac;
    this.server = iac.build(McpServer.sync(transport));
    gate.start();
  }

  public static StdioServer start(IacServer iac, InputStream in, OutputStream out) {
    return new StdioServer(iac, in, out);
  }

  /**
   * Blocks until the client closes stdin (its way of ending the session), then until running calls
   * and applies have finished.
   */
  public void awaitEndOfSession() throws InterruptedException {
    inputClosed.await();
    // requests read just before the end may not have reached a tool yet
    Thread.sleep(GRACE.toMillis());
    iac.awaitIdle(DRAIN);
  }

  @Override
  public void close() {
    server.closeGracefully();
  }

  /** Notices the end of the client's input. */
  private static final class EndAware extends FilterInputStream {
    private final CountDownLatch closed;

    EndAware(InputStream in, CountDownLatch closed) {
      super(in);
      this.closed = closed;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b < 0) {
        closed.countDown();
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n;
      try {
        n = super.read(buf, off, len);
      } catch (IOException e) {
        closed.countDown();
        throw e;
      }
      if (n < 0) {
        closed.countDown();
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      closed.countDown();
      super.close();
    }
  }
}
