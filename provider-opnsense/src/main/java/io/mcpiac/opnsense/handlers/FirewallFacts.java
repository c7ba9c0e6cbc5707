package io.mcpiac.opnsense.handlers;

import io.mcpiac.opnsense.client.FirewallVersion;
import io.mcpiac.opnsense.resources.Lookups;
import io.mcpiac.opnsense.resources.OptionChoices;
import io.mcpiac.opnsense.resources.PlanChecks;
import java.util.function.Predicate;

/**
 * What plan-time checks may learn from the firewall when it answers: its version, the options it
 * offers, its users. Each is asked once; a firewall that is not configured or does not answer
 * leaves them unknown (null), and the checks that need them are skipped.
 */
public final class FirewallFacts {
  private final OpnsenseConnection connection;
  private FirewallVersion knownVersion;
  private boolean versionTried;
  private OptionChoices choices;
  private Predicate<String> knownUsers;

  public FirewallFacts(OpnsenseConnection connection) {
    this.connection = connection;
  }

  /** The firewall version when it can be asked (configured and reachable); asked once. */
  public synchronized FirewallVersion versionIfReachable() {
    if (!versionTried) {
      versionTried = true;
      if (connection.settings().complete()) {
        try {
          knownVersion = connection.client().versionWithoutRetries();
        } catch (RuntimeException e) {
          knownVersion = null;
        }
      }
    }
    return knownVersion;
  }

  /** The version if it was asked already, without asking. */
  public synchronized FirewallVersion knownVersion() {
    return knownVersion;
  }

  public synchronized OptionChoices choices() {
    if (choices == null) {
      choices = new OptionChoices(connection.client());
    }
    return choices;
  }

  /** The firewall's users when it answers (for the password-on-create check), else null. */
  public synchronized Predicate<String> usersIfReachable() {
    if (versionIfReachable() == null) {
      return null;
    }
    if (knownUsers == null) {
      try {
        knownUsers = PlanChecks.usersOn(new Lookups(connection.client()));
      } catch (RuntimeException e) {
        return null;
      }
    }
    return knownUsers;
  }
}
