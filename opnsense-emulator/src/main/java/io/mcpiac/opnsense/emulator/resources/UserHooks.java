package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.api.ApiCall;
import io.mcpiac.opnsense.emulator.api.ApiKeys;
import io.mcpiac.opnsense.emulator.api.ApiUser;
import io.mcpiac.opnsense.emulator.api.ItemEdit;
import io.mcpiac.opnsense.emulator.api.ResourceHooks;
import io.mcpiac.opnsense.emulator.api.UserException;
import io.mcpiac.opnsense.emulator.config.Config;
import io.mcpiac.opnsense.emulator.messages.Message;
import io.mcpiac.opnsense.emulator.model.Collections;
import io.mcpiac.opnsense.emulator.model.ModelContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code UserController}: uids assigned from 2000, passwords hashed (write-only), system users and
 * the calling user protected, no self lock-out; API keys live in the user's {@code apikeys} ({@code
 * key|sha256:<secret hash>} per line) and authenticate with the user's privileges.
 */
class UserHooks implements ResourceHooks {
  /** ACL patterns of the privileges the emulator knows. */
  static final Map<String, List<String>> PRIVILEGE_PAGES =
      Map.of(
          "page-all", List.of("page-all"),
          "page-firewall-rules", List.of("/api/firewall/filter/*"),
          "page-firewall-alias-edit",
              List.of("/api/firewall/alias/*", "/api/firewall/alias_util/*"),
          "page-system-login-logout", List.of("/api/core/firmware/status"));

  /** {@code User::performValidation}. */
  @Override
  public void validate(ItemEdit e, FieldMessages m) {
    if ("0".equals(e.value("uid")) && !"root".equals(e.value("name"))) {
      m.add("name", Message.USER_ROOT_RENAME);
    }
    String scrambled = e.value("scrambled_password");
    if (e.value("password").isEmpty() && (scrambled.isEmpty() || "0".equals(scrambled))) {
      m.add("password", Message.USER_PASSWORD_REQUIRED);
    }
  }

  @Override
  public void beforeStore(ItemEdit e) {
    if (e.value("uid").isEmpty()) {
      int uid = 2000;
      List<String> used = new ArrayList<>();
      for (Map.Entry<String, JsonNode> u : e.config().items(Collections.USERS)) {
        used.add(u.getValue().path("uid").asText());
      }
      while (used.contains(String.valueOf(uid))) {
        uid++;
      }
      e.put("uid", String.valueOf(uid));
    }
    String before = e.before() == null ? "" : e.before().path("password").asText("");
    String pw = e.value("password");
    if ("1".equals(e.value("scrambled_password"))) {
      pw = ApiKeys.generate();
    }
    if (!pw.isEmpty() && !pw.equals(before)) {
      e.put("password", ApiKeys.hash(pw));
      e.put("pwd_changed_at", String.valueOf(System.currentTimeMillis() / 1000));
    }
    if (!e.isNew() && isCaller(e.call(), e.value("name")) && "1".equals(e.value("disabled"))) {
      throw new UserException(
          Message.USER_LOCKOUT.text(e.value("name")), Message.USERMANAGER_TITLE.text());
    }
  }

  private static boolean isCaller(ApiCall call, String name) {
    return call.user() != null && call.user().username().equals(name);
  }

  @Override
  public void beforeDelete(String uuid, ObjectNode item, ModelContext ctx) {
    String name = item.path("name").asText();
    if ("system".equals(item.path("scope").asText())) {
      throw new UserException(
          Message.USER_DELETE_SYSTEM.text(name), Message.USERMANAGER_TITLE.text());
    }
  }

  @Override
  public void adjustGet(ObjectNode rendered, ObjectNode item, ModelContext ctx) {
    String seed = item.path("otp_seed").asText("");
    rendered.put(
        "otp_uri",
        seed.isEmpty()
            ? ""
            : "otpauth://totp/" + item.path("name").asText() + "@OPNsense?secret=" + seed);
  }

  /** {@code expires} is {@code MM/DD/YYYY}; the account stops working after that day. */
  static boolean expired(String expires) {
    if (expires.isEmpty()) {
      return false;
    }
    try {
      java.time.LocalDate last =
          java.time.LocalDate.parse(
              expires, java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy"));
      return java.time.LocalDate.now().isAfter(last);
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  /** Finds a configured API key and turns its user into an {@link ApiUser}. */
  static ApiUser findKey(Config config, String key) {
    for (Map.Entry<String, JsonNode> u : config.items(Collections.USERS)) {
      JsonNode user = u.getValue();
      for (String line : user.path("apikeys").asText("").split("\n")) {
        int bar = line.indexOf('|');
        if (bar > 0 && line.substring(0, bar).equals(key)) {
          if ("1".equals(user.path("disabled").asText())
              || expired(user.path("expires").asText(""))) {
            return null;
          }
          List<String> privs = Items.csv(user.path("priv").asText(""));
          List<String> pages = new ArrayList<>();
          if (Items.csv(user.path("group_memberships").asText("")).contains("1999")) {
            pages.add("page-all");
          }
          for (String p : privs) {
            pages.addAll(PRIVILEGE_PAGES.getOrDefault(p, List.of()));
          }
          return new ApiUser(
              user.path("name").asText(),
              key,
              line.substring(bar + 1),
              pages,
              privs.contains("user-config-readonly"));
        }
      }
    }
    return null;
  }
}
