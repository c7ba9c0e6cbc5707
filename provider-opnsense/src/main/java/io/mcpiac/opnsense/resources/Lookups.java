package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.opnsense.client.FieldDecoder;
import io.mcpiac.opnsense.client.OpnsenseClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Searches a mapping needs besides its own collection (a Kea subnet by its CIDR, a HAProxy backend
 * by its name), each made at most once per batch or read.
 */
public final class Lookups {
  private final OpnsenseClient client;
  private final Map<String, List<Map<String, String>>> rows = new ConcurrentHashMap<>();

  public Lookups(OpnsenseClient client) {
    this.client = client;
  }

  public OpnsenseClient client() {
    return client;
  }

  /** Every row of a collection, flattened (one paged search, cached). */
  public List<Map<String, String>> rows(Endpoint endpoint) {
    return rows.computeIfAbsent(
        endpoint.searchPath(),
        p -> {
          List<Map<String, String>> out = new ArrayList<>();
          for (JsonNode row : client.searchAll(p, null)) {
            out.add(FieldDecoder.flatten(row));
          }
          return out;
        });
  }

  /** Forgets what was read of a collection (after writing to it). */
  public void invalidate(Endpoint endpoint) {
    rows.remove(endpoint.searchPath());
  }

  /** The uuid of the first row whose {@code field} equals {@code value}; null when none. */
  public String uuidWhere(Endpoint endpoint, String field, String value) {
    for (Map<String, String> row : rows(endpoint)) {
      if (value.equals(row.get(field))) {
        return row.get("uuid");
      }
    }
    return null;
  }

  /** The {@code field} of the row with {@code uuid}; null when none. */
  public String fieldOf(Endpoint endpoint, String uuid, String field) {
    for (Map<String, String> row : rows(endpoint)) {
      if (uuid.equals(row.get("uuid"))) {
        return row.get(field);
      }
    }
    return null;
  }
}
