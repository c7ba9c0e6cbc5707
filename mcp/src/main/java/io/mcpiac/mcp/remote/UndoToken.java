package io.mcpiac.mcp.remote;

import java.util.UUID;

/**
 * How to undo a batch a server applied, carried by the engine as the undo change's token ({@link
 * io.mcpiac.engine.providers.Change#undoToken}) and handed back to the same {@link SubDeployment}.
 *
 * @param value the snapshot id for {@link Kind#ROLLBACK_TO_SNAPSHOT}; a unique id of the batch
 *     otherwise, so each batch is undone once
 */
record UndoToken(Kind kind, String value) {
  enum Kind {
    /** Roll the server's part back to the snapshot taken before the batch. */
    ROLLBACK_TO_SNAPSHOT,
    /** The server had no part before the batch: destroy the part. */
    DESTROY_PART,
    /** The change did not reach the server (the old object of a replacement it made itself). */
    NOTHING
  }

  static UndoToken snapshot(String snapshotId) {
    return new UndoToken(Kind.ROLLBACK_TO_SNAPSHOT, snapshotId);
  }

  static UndoToken destroyPart() {
    return new UndoToken(Kind.DESTROY_PART, UUID.randomUUID().toString());
  }

  static UndoToken nothing() {
    return new UndoToken(Kind.NOTHING, UUID.randomUUID().toString());
  }

  String encode() {
    return kind.name() + ":" + value;
  }

  static UndoToken decode(String token) {
    int colon = token.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("not an undo token of a remote server: " + token);
    }
    return new UndoToken(Kind.valueOf(token.substring(0, colon)), token.substring(colon + 1));
  }

  /**
   * For messages and the result's {@code snapshotId}: the snapshot, or {@code none:…} when the
   * server had no part to go back to (the text orchestrated results always used).
   */
  String describe() {
    return kind == Kind.ROLLBACK_TO_SNAPSHOT ? value : "none:" + value;
  }
}
