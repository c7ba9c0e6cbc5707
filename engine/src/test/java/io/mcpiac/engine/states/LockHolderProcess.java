package io.mcpiac.engine.states;

/**
 * Run as a separate process by the contract: takes a deployment's lock, says so on stdout, and
 * keeps it until killed, the way a writer that crashes mid-apply leaves its lock behind.
 */
public final class LockHolderProcess {
  static final String READY = "LOCKED";

  private LockHolderProcess() {}

  public static void main(String[] args) throws InterruptedException {
    StateStore store = StateStores.open(args[0]);
    store.lock(args[1], LockInfo.current("apply"));
    System.out.println(READY);
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
