package io.mcpiac.opnsense.emulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.control.CallCounter;
import io.mcpiac.opnsense.emulator.control.ControlApi;
import io.mcpiac.opnsense.emulator.control.Faults;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP entry point, in {@code www/api.php} order: routing (404 before authentication), then
 * authentication and ACL (401/403), then body parsing (400 for an empty JSON body), then the
 * action; exceptions become the 500 error JSON. {@code /__emulator/*} goes to the control API.
 */
public final class HttpFront extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);

  private final RouteTable routes;
  private final ApiKeys keys;
  private final CallCounter calls;
  private final Faults faults;
  private final ControlApi control;

  public HttpFront(
      RouteTable routes, ApiKeys keys, CallCounter calls, Faults faults, ControlApi control) {
    this.routes = routes;
    this.keys = keys;
    this.calls = calls;
    this.faults = faults;
    this.control = control;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = request.getHttpURI().getPath();
    String method = request.getMethod();
    String body = Content.Source.asString(request, StandardCharsets.UTF_8);
    ApiResponse answer;
    if (path.startsWith("/__emulator/") && control != null) {
      answer = control.handle(method, path, body);
    } else if (!path.startsWith("/api/")) {
      answer = ApiResponse.endpointNotFound();
    } else {
      calls.record(method, path);
      faults.callDelay();
      Faults.Decision d = faults.decide(path);
      if (d == Faults.Decision.DROP) {
        // an abrupt close: the client sees the connection reset without any HTTP answer
        request.getConnectionMetaData().getConnection().getEndPoint().close();
        callback.failed(new java.io.IOException("connection dropped by fault injection"));
        return true;
      }
      answer =
          d == Faults.Decision.ERROR ? ApiResponse.unexpected() : api(request, method, path, body);
      faults.afterCall(method, path);
    }
    send(response, callback, answer);
    return true;
  }

  private ApiResponse api(Request request, String method, String path, String body) {
    RouteTable.Resolved resolved = routes.resolve(path);
    if (resolved == null) {
      return ApiResponse.endpointNotFound();
    }
    String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (auth == null) {
      // a browser-style call without session: empty 401 plus the leftover login redirect
      return new ApiResponse(401, null, Map.of("Location", "/?url=" + path), new byte[0]);
    }
    ApiUser user = keys.authenticate(auth);
    if (user == null) {
      return ApiResponse.json(
          401, ApiResponse.obj().put("status", 401).put("message", "Authentication Failed"));
    }
    if (!user.mayAccess(path)) {
      return ApiResponse.json(
          403, ApiResponse.obj().put("status", 403).put("message", "Forbidden"));
    }
    ObjectNode post;
    try {
      post = BodyParser.parse(request.getHeaders().get(HttpHeader.CONTENT_TYPE), body);
    } catch (BodyParser.EmptyJsonBody e) {
      return ApiResponse.json(
          400, ApiResponse.obj().put("status", 400).put("message", "Invalid JSON syntax"));
    }
    Map<String, List<String>> query = BodyParser.query(request.getHttpURI().getQuery());
    ApiCall call =
        new ApiCall(method, path, resolved.params(), query, post, user)
            .from(Request.getRemoteAddr(request));
    try {
      return resolved.action().handler().handle(call);
    } catch (UserException e) {
      return ApiResponse.userError(e);
    } catch (InputApplier.BadInput e) {
      LOG.warn("{} {}: {}", method, path, e.getMessage());
      return ApiResponse.unexpected();
    } catch (RuntimeException e) {
      LOG.error("{} {} failed", method, path, e);
      return ApiResponse.unexpected();
    }
  }

  private static void send(Response response, Callback callback, ApiResponse a) {
    response.setStatus(a.status());
    if (a.contentType() != null) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, a.contentType());
    }
    a.headers().forEach((k, v) -> response.getHeaders().put(k, v));
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, a.body().length);
    response.write(true, ByteBuffer.wrap(a.body()), callback);
  }
}
