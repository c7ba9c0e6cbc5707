package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.api.ItemEdit;
import io.mcpiac.opnsense.emulator.api.ResourceHooks;
import io.mcpiac.opnsense.emulator.api.UserException;
import io.mcpiac.opnsense.emulator.config.Config;
import io.mcpiac.opnsense.emulator.messages.Message;
import io.mcpiac.opnsense.emulator.model.Collections;
import io.mcpiac.opnsense.emulator.model.ModelContext;
import java.util.Map;

/**
 * {@code AssignmentController} (26.7): interfaces keyed by identifier ({@code lan}, {@code optN}),
 * the identifier is read-only, locked interfaces cannot be removed.
 */
class AssignmentHooks implements ResourceHooks {

  /** The next free {@code optN}. */
  static String nextOpt(Config config) {
    int n = 1;
    while (config.item(Collections.INTERFACES, "opt" + n) != null) {
      n++;
    }
    return "opt" + n;
  }

  @Override
  public void beforeStore(ItemEdit e) {
    e.put("identifier", e.uuid());
  }

  @Override
  public void decorate(String id, ObjectNode item, ModelContext ctx) {
    if (id != null) {
      item.put("identifier", id);
    }
  }

  @Override
  public void beforeDelete(String id, ObjectNode item, ModelContext ctx) {
    if ("1".equals(item.path("lock").asText())) {
      throw new UserException(
          Message.ASSIGNMENT_LOCKED.text(), Message.ASSIGNMENT_LOCKED_TITLE.text());
    }
    for (Map.Entry<String, JsonNode> r : ctx.config().items(Collections.FILTER_RULES)) {
      if (Items.csv(r.getValue().path("interface").asText("")).contains(id)) {
        // deleted interfaces lose their rules on reconfigure; the rules stay until then
        return;
      }
    }
  }
}
