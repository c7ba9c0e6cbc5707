package io.mcpiac.docker.resources;

import com.github.dockerjava.api.exception.DockerException;

/** Docker's error answers in a user's words. */
public final class DockerErrors {
  private DockerErrors() {}

  /**
   * The daemon's own message without docker-java's "Status 409: {...}" wrapping. Transport failures
   * (no answer at all) are not {@link DockerException}s and are never passed here.
   */
  public static String message(DockerException e) {
    String m = e.getMessage() == null ? "" : e.getMessage().trim();
    int brace = m.indexOf("{\"message\":\"");
    if (brace >= 0) {
      String inner = m.substring(brace + 12);
      int end = inner.lastIndexOf("\"}");
      m = end >= 0 ? inner.substring(0, end) : inner;
    }
    return m.replace("\\\"", "\"").replace("\\n", " ").trim();
  }
}
