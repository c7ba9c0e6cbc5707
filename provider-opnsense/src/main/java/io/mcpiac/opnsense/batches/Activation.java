package io.mcpiac.opnsense.batches;

/** How activating one module went (see {@link Activator#activate(Module, String)}). */
sealed interface Activation {
  Activation DONE = new Done();

  /** What is written is what runs now. */
  record Done() implements Activation {}

  /**
   * Nothing was activated (a configtest ALERT, a failing reconfigure): the batch's writes to the
   * module are taken back, so config.xml holds nothing the user was told failed.
   */
  record Refused(String reason) implements Activation {}

  /**
   * The change was activated and the firewall stopped answering: the writes must stay, the
   * firewall's own rollback timer (or the user) takes the rules back.
   */
  record LeftInPlace(String reason) implements Activation {}
}
