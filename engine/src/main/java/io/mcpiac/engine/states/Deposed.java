package io.mcpiac.engine.states;

import io.mcpiac.engine.json.Json;
import java.util.Optional;

/**
 * The old object of a create-before-destroy replacement, recorded from the moment its successor
 * exists until it is deleted: Terraform's "deposed" objects. A run that stops in between (a crash,
 * a failed dependent under {@code --no-rollback}, a cancel) leaves it in state, and the next plan
 * deletes it, after whatever still used it has moved. Its record is the old one under a name no
 * configuration can use: {@code cert (deposed 1a2b3c4d)}, the hex from the old object's id.
 */
public final class Deposed {
  private static final String MARK = " (deposed ";

  private Deposed() {}

  /** The name the old object of {@code resource}, id {@code id}, is recorded under. */
  public static String name(String resource, String id) {
    return resource + MARK + Json.sha256(String.valueOf(id)).substring(0, 8) + ")";
  }

  /** {@code old} recorded under its deposed name. */
  public static ResourceRecord of(ResourceRecord old) {
    return new ResourceRecord(
        name(old.name(), old.id()),
        old.type(),
        old.provider(),
        old.id(),
        old.properties(),
        old.outputs(),
        old.dependencies(),
        old.state());
  }

  /** The resource whose old object {@code recordName} is, if it names a deposed object. */
  public static Optional<String> resourceOf(String recordName) {
    int at = recordName.lastIndexOf(MARK);
    return at > 0 && recordName.endsWith(")")
        ? Optional.of(recordName.substring(0, at))
        : Optional.empty();
  }
}
