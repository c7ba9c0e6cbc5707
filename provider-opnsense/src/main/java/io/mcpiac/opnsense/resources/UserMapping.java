package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.kit.Props;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code opnsense:security:user} ({@code /api/auth/user/}, OPNsense 25.1+, contract 2.11). {@code
 * password} is a secret: it is sent, never read back, never stored.
 */
public final class UserMapping extends ResourceMapping {
  static final Endpoint USERS = new Endpoint("/api/auth/user/", "user", "", "search", Module.NONE);

  private static final List<Spec> SPECS =
      List.of(
          Spec.text("name", "name", null, "Login name (default: the resource name)."),
          Spec.text("password", "password", null, "Password (secret; write-only)."),
          new Spec(
              "enabled", "disabled", Spec.Kind.NOT_BOOL, "0", "Whether the user may log in.", null),
          Spec.description("description", "descr", "", "Full name or purpose."),
          Spec.text("email", "email", "", "E-mail address."),
          Spec.text("comment", "comment", "", "Free text."),
          Spec.text("expires", "expires", "", "Expiry date (MM/DD/YYYY)."),
          Spec.text("shell", "shell", "", "Login shell."),
          Spec.text("authorizedKeys", "authorizedkeys", "", "SSH public keys."),
          Spec.csv("privileges", "priv", "", "Privileges (page-all, …)."),
          Spec.csv("groups", "group_memberships", "", "Group ids the user belongs to."));

  public UserMapping() {
    super("opnsense:security:user", "A local user of the firewall.");
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of(USERS);
  }

  @Override
  protected List<Spec> specs(Endpoint endpoint) {
    return SPECS;
  }

  @Override
  protected Set<String> nativeSecrets() {
    return Set.of("password", "otp_seed", "apikeys");
  }

  @Override
  protected Set<String> secrets() {
    return Set.of("password");
  }

  @Override
  protected boolean createBeforeDestroy() {
    return false;
  }

  @Override
  protected void customizeFields(
      String resource, ObjectNode fields, ObjectNode props, Endpoint ep, Lookups lookups) {
    String n = Props.text(props, "name");
    fields.put("name", n != null ? n : resource);
  }

  @Override
  protected void customizeProperties(
      ObjectNode props, Endpoint ep, Map<String, String> row, Lookups lookups) {
    props.remove("password");
  }

  @Override
  public boolean isManageable(Map<String, String> row) {
    return super.isManageable(row) && !"system".equals(row.get("scope"));
  }

  @Override
  public boolean outputsNeedRow() {
    return true;
  }

  @Override
  protected Map<String, String> outputDescriptions() {
    return Map.of("uuid", "the user's UUID", "uid", "the numeric user id");
  }

  @Override
  public ObjectNode outputs(String resource, String id, Map<String, String> row, ObjectNode props) {
    ObjectNode o = super.outputs(resource, id, row, props);
    if (row != null) {
      o.put("uid", row.getOrDefault("uid", ""));
    }
    return o;
  }

  @Override
  public boolean checksUsers() {
    return true;
  }
}
