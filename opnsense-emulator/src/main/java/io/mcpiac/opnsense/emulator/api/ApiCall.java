package io.mcpiac.opnsense.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One routed API request as an action sees it: method, positional path parameters, query string,
 * the parsed body ({@code $_POST}) and the authenticated user.
 */
public final class ApiCall {
  private final String method;
  private final String uri;
  private final List<String> params;
  private final Map<String, List<String>> query;
  private final ObjectNode post;
  private final ApiUser user;
  private String clientAddress = "127.0.0.1";

  public ApiCall(
      String method,
      String uri,
      List<String> params,
      Map<String, List<String>> query,
      ObjectNode post,
      ApiUser user) {
    this.method = method;
    this.uri = uri;
    this.params = params;
    this.query = query;
    this.post = post == null ? JsonNodeFactory.instance.objectNode() : post;
    this.user = user;
  }

  public boolean isPost() {
    return "POST".equals(method);
  }

  public boolean isGet() {
    return "GET".equals(method);
  }

  public String method() {
    return method;
  }

  public String uri() {
    return uri;
  }

  /** The n-th path parameter after the command, or null. */
  public String param(int n) {
    return n < params.size() ? params.get(n) : null;
  }

  public ObjectNode post() {
    return post;
  }

  public boolean hasPost(String key) {
    return post.has(key);
  }

  public JsonNode post(String key) {
    return post.get(key);
  }

  /** {@code $request->get()}: body value, else query value; null when neither has it. */
  public String requestParam(String key) {
    JsonNode b = post.get(key);
    if (b != null && !b.isContainerNode()) {
      return b.asText();
    }
    List<String> q = query.get(key);
    return q == null || q.isEmpty() ? null : q.get(0);
  }

  /** A list parameter such as {@code type[]} from the query or body. */
  public List<String> requestList(String key) {
    JsonNode b = post.get(key);
    if (b != null && b.isArray()) {
      java.util.List<String> out = new java.util.ArrayList<>();
      b.forEach(n -> out.add(n.asText()));
      return out;
    }
    if (b != null && !b.isContainerNode()) {
      return List.of(b.asText());
    }
    List<String> q = query.get(key + "[]");
    if (q == null) {
      q = query.get(key);
    }
    return q == null ? List.of() : q;
  }

  public ApiUser user() {
    return user;
  }

  /** The peer's address, for the revision context. */
  public ApiCall from(String address) {
    this.clientAddress = address;
    return this;
  }

  /** Revision context: {@code <user>@<client address>}, as {@code Config::getRevisionContext}. */
  public String revisionUser() {
    return user == null ? "(system)" : user.username() + "@" + clientAddress;
  }

  public String revisionDescription() {
    return uri + " made changes";
  }
}
