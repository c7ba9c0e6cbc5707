package io.mcpiac.mcp;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.mcp.server.IacServer;
import io.mcpiac.mcp.server.ServerSettings;
import io.mcpiac.mcp.server.StdioServer;
import java.io.PrintStream;

/** A stdio server process with the core provider, as {@code mcp-iac serve} starts it. */
public final class StdioTestServer {
  private StdioTestServer() {}

  /** Arguments: the SQLite file, then optionally {@code --read-only}. */
  public static void main(String[] args) throws Exception {
    PrintStream protocol = System.out;
    System.setOut(System.err);
    StateStore store = StateStores.open("sqlite:" + args[0]);
    ProviderRegistry registry = new ProviderRegistry().register("core", new CoreProvider());
    boolean readOnly = args.length > 1 && args[1].equals("--read-only");
    IacServer iac =
        new IacServer(new Engine(registry, store), new ServerSettings("mcp-iac", "test", readOnly));
    StdioServer server = StdioServer.start(iac, System.in, protocol);
    server.awaitEndOfSession();
    server.close();
    iac.close();
    store.close();
    System.exit(0);
  }
}
