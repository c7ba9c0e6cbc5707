package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.opnsense.client.OpnsenseApiException;
import io.mcpiac.opnsense.client.OpnsenseClient;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The write calls of the generic CRUD contract (1.7), with OPNsense's answers turned into success
 * or a {@link WriteFailure} whose message names our properties, not OPNsense's fields.
 */
public final class Writer {
  private final OpnsenseClient client;
  private final Lookups lookups;
  private OptionChoices choices;

  public Writer(OpnsenseClient client, Lookups lookups) {
    this.client = client;
    this.lookups = lookups;
  }

  public OpnsenseClient client() {
    return client;
  }

  public Lookups lookups() {
    return lookups;
  }

  /** {@code set…/{id}}: update, or create with this id (the contract's upsert). */
  public void set(ResourceMapping mapping, Endpoint ep, String id, ObjectNode fields) {
    ObjectNode body = Json.object();
    body.set(ep.wrapper(), fields);
    JsonNode answer = post(ep.setPath(id), body);
    check(mapping, ep, ep.setPath(id), answer, fields);
  }

  /** {@code add…}: for the few collections whose ids the firewall picks; returns its answer. */
  public JsonNode add(ResourceMapping mapping, Endpoint ep, ObjectNode fields) {
    ObjectNode body = Json.object();
    body.set(ep.wrapper(), fields);
    JsonNode answer;
    try {
      answer = client.postOnce(ep.addPath(), body);
    } catch (OpnsenseApiException e) {
      throw new WriteFailure(e.getMessage());
    }
    check(mapping, ep, ep.addPath(), answer, fields);
    return answer;
  }

  /** The value and the choices, when the refused field is an option the value is not among. */
  private String choiceMessage(Endpoint ep, String field, String property, ObjectNode fields) {
    if (choices == null) {
      choices = new OptionChoices(client);
    }
    List<String> offered = choices.of(ep).get(field);
    JsonNode sent = fields.at("/" + field.replace(".", "/"));
    if (offered == null || offered.isEmpty() || sent.isMissingNode()) {
      return null;
    }
    List<String> bad =
        OptionChoices.notAmong(sent.isTextual() ? Props.split(sent.asText(), ",") : sent, offered);
    return bad.isEmpty() ? null : OptionChoices.message(property, field, bad, offered);
  }

  /** {@code del…/{id}}: "deleted" and "not found" both mean the object is gone. */
  public void del(Endpoint ep, String id) {
    JsonNode answer = post(ep.delPath(id), null);
    String result = answer.path("result").asText("");
    if (!result.equals("deleted") && !result.equals("not found")) {
      throw new WriteFailure(
          "OPNsense did not delete it ("
              + ep.delPath(id)
              + " answered "
              + Json.write(answer)
              + ")");
    }
  }

  private JsonNode post(String path, JsonNode body) {
    try {
      return client.post(path, body);
    } catch (OpnsenseApiException e) {
      throw new WriteFailure(e.getMessage());
    }
  }

  private void check(
      ResourceMapping mapping, Endpoint ep, String path, JsonNode answer, ObjectNode fields) {
    String result = answer.path("result").asText("");
    if (result.equals("saved")) {
      return;
    }
    JsonNode validations = answer.get("validations");
    if (validations != null && validations.isObject() && !validations.isEmpty()) {
      List<String> messages = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = validations.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String field = e.getKey();
        if (field.startsWith(ep.wrapper() + ".")) {
          field = field.substring(ep.wrapper().length() + 1);
        }
        List<String> texts = new ArrayList<>();
        if (e.getValue().isArray()) {
          e.getValue().forEach(t -> texts.add(t.asText()));
        } else {
          texts.add(e.getValue().asText());
        }
        String property = mapping.propertyOf(ep, field);
        String choice = choiceMessage(ep, field, property, fields);
        messages.add(choice != null ? choice : property + ": " + String.join(" ", texts));
      }
      throw new WriteFailure("OPNsense refused it: " + String.join("; ", messages));
    }
    throw new WriteFailure(
        "OPNsense refused "
            + path
            + " without a validation message (answer "
            + Json.write(answer)
            + ")");
  }
}
