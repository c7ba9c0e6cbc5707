package io.mcpiac.mcp.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the client's stdin line by line in front of the SDK's stdio transport: a line that is not a
 * JSON-RPC message is answered with a JSON-RPC error and dropped, so one bad line does not stop the
 * SDK's reader (SDK 2.1.0 gives up on the first one, and then never sees the end of input); good
 * lines go on to the SDK through a pipe; the end of stdin closes the pipe, which is how the server
 * learns that the session is over.
 */
final class StdinGate {
  /** The longest line accepted: a deployment document at its size limit, with room to spare. */
  static final int MAX_LINE_CHARS = 20 * 1024 * 1024;

  private final PipedInputStream toSdk;
  private final PipedOutputStream feed;
  private final Thread reader;

  StdinGate(InputStream stdin, LineWriter out, Runnable onEnd) throws IOException {
    this.toSdk = new PipedInputStream(1 << 20);
    this.feed = new PipedOutputStream(toSdk);
    this.reader = new Thread(() -> pump(stdin, out, onEnd), "mcp-stdin");
    reader.setDaemon(true);
  }

  /** What the SDK reads. */
  InputStream sdkInput() {
    return toSdk;
  }

  void start() {
    reader.start();
  }

  private void pump(InputStream stdin, LineWriter out, Runnable onEnd) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))) {
      StringBuilder line = new StringBuilder();
      boolean tooLong = false;
      int c;
      while ((c = lines.read()) >= 0) {
        if (c != '\n') {
          if (line.length() < MAX_LINE_CHARS) {
            line.append((char) c);
          } else {
            tooLong = true;
          }
          continue;
        }
        handle(line.toString(), tooLong, out);
        line.setLength(0);
        tooLong = false;
      }
      if (line.length() > 0) {
        handle(line.toString(), tooLong, out);
      }
    } catch (IOException e) {
      // stdin is gone: the same as its end
    } finally {
      try {
        feed.close();
      } catch (IOException ignored) {
        // the SDK's side is closed already
      }
      onEnd.run();
    }
  }

  private void handle(String line, boolean tooLong, LineWriter out) throws IOException {
    if (line.isBlank()) {
      return;
    }
    String problem =
        tooLong
            ? JsonRpcErrors.error(
                null,
                JsonRpcErrors.INVALID_REQUEST,
                "Invalid Request: the message is longer than " + MAX_LINE_CHARS + " characters")
            : JsonRpcErrors.check(line);
    if (problem != null) {
      out.writeLine(problem);
      return;
    }
    feed.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    feed.flush();
  }

  /**
   * The protocol's stdout, shared by the SDK and the gate: bytes are collected per line and each
   * line goes out whole, so an error the gate writes never lands inside one of the SDK's messages.
   */
  static final class LineWriter extends OutputStream {
    private final OutputStream out;
    private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

    LineWriter(OutputStream out) {
      this.out = out;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      pending.write(b);
      if (b == '\n') {
        out.write(pending.toByteArray());
        out.flush();
        pending.reset();
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      for (int i = 0; i < len; i++) {
        write(b[off + i]);
      }
    }

    synchronized void writeLine(String line) throws IOException {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    @Override
    public synchronized void flush() throws IOException {
      out.flush();
    }
  }
}
