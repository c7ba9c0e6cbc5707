package io.mcpiac.opnsense.emulator.model;

import io.mcpiac.opnsense.emulator.fields.AliasTypes;
import io.mcpiac.opnsense.emulator.fields.BooleanField;
import io.mcpiac.opnsense.emulator.fields.CheckedTextField;
import io.mcpiac.opnsense.emulator.fields.Constraint;
import io.mcpiac.opnsense.emulator.fields.Constraints;
import io.mcpiac.opnsense.emulator.fields.Countries;
import io.mcpiac.opnsense.emulator.fields.DynamicOptionField;
import io.mcpiac.opnsense.emulator.fields.Field;
import io.mcpiac.opnsense.emulator.fields.GeneratedField;
import io.mcpiac.opnsense.emulator.fields.IntegerField;
import io.mcpiac.opnsense.emulator.fields.KeaTypes;
import io.mcpiac.opnsense.emulator.fields.ListField;
import io.mcpiac.opnsense.emulator.fields.ModelRelationField;
import io.mcpiac.opnsense.emulator.fields.NetworkTypes;
import io.mcpiac.opnsense.emulator.fields.OptionField;
import io.mcpiac.opnsense.emulator.fields.PhpRegex;
import io.mcpiac.opnsense.emulator.fields.Protocols;
import io.mcpiac.opnsense.emulator.fields.TextField;
import io.mcpiac.opnsense.emulator.fields.TosOptions;
import io.mcpiac.opnsense.emulator.fields.UpdateOnlyTextField;
import io.mcpiac.opnsense.emulator.fields.UserTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds fields from table rows: the PHP field type name picks the Java implementation (core types
 * in {@code M/Base/FieldTypes}, model-local ones such as {@code .FilterSequenceField}), the
 * attributes configure it.
 */
public final class FieldFactory {
  private static final Pattern CONSTRAINT =
      Pattern.compile("^(\\w+)\\(([^)]*)\\)(?:\\s*msg=\"(.*)\")?$");
  private static final Pattern MODEL_SOURCE =
      Pattern.compile("OPNsense\\.([\\w.]+):([\\w.]+)\\(display=([\\w,]+)\\)");

  private FieldFactory() {}

  /**
   * Types whose {@code setValue} calls trim/strtolower/applyChangeCase/explode on the input ({@code
   * core@26.1.6:M/Base/FieldTypes/*::setValue} and the model-local subclasses).
   */
  private static final java.util.Set<String> STRING_SETTERS =
      java.util.Set.of(
          "PortField",
          ".PortMappedField",
          "NetworkField",
          ".RangeAddressField",
          ".DomainIPField",
          "HostnameField",
          ".HostnameField",
          ".AliasReflector",
          "MacAddressField",
          "IPPortField",
          "ProtocolField");

  public static Field create(FieldSpec s) {
    Field f = byType(s);
    f.setStringSetter(STRING_SETTERS.contains(s.type()));
    f.setRequired(s.required());
    if (!s.defaultValue().isEmpty()) {
      f.setDefault(s.defaultValue());
    }
    f.setVolatile(s.isVolatile());
    if (s.attr("ChangeCase") != null) {
      f.setChangeCase(s.attr("ChangeCase"));
    }
    if (s.message() != null) {
      f.setMessage(s.message());
    }
    for (String c : s.constraints()) {
      f.addConstraint(constraint(c));
    }
    return f;
  }

  static Constraint constraint(String decl) {
    Matcher m = CONSTRAINT.matcher(decl.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("constraint " + decl);
    }
    Map<String, String> args = new LinkedHashMap<>();
    for (String a : m.group(2).split(";")) {
      int eq = a.indexOf('=');
      if (eq > 0) {
        args.put(a.substring(0, eq).trim(), a.substring(eq + 1).trim());
      }
    }
    List<String> addFields =
        args.containsKey("addFields") ? Arrays.asList(args.get("addFields").split(",")) : List.of();
    String msg = m.group(3);
    return switch (m.group(1)) {
      case "UniqueConstraint" ->
          Constraints.unique(addFields, "Y".equals(args.get("caseInsensitive")), msg);
      case "SetIfConstraint" -> Constraints.setIf(args.get("field"), args.get("check"), msg);
      case "DependConstraint", "SetConstraint" -> Constraints.allOrNone(addFields, msg);
      case "SingleSelectConstraint" -> Constraints.singleSelect(addFields, msg);
      default -> throw new IllegalArgumentException("constraint type " + m.group(1));
    };
  }

  private static Field byType(FieldSpec s) {
    String n = s.name();
    return switch (s.type()) {
      case "BooleanField" -> new BooleanField(n);
      case "IntegerField" ->
          new IntegerField(n, true).min(s.attr("MinimumValue")).max(s.attr("MaximumValue"));
      case "NumericField" ->
          new IntegerField(n, false).min(s.attr("MinimumValue")).max(s.attr("MaximumValue"));
      case "TextField", ".DNatAssociatedRuleField", ".StoreB64Field", ".UidField", ".ApiKeyField" ->
          masked(new TextField(n), s);
      case "Base64Field" ->
          new CheckedTextField(
              n,
              (v, c) -> v.matches("^[A-Za-z0-9+/]*={0,2}$"),
              v -> io.mcpiac.opnsense.emulator.messages.Message.BASE64.text());
      case "UrlField" ->
          new CheckedTextField(
              n,
              (v, c) -> v.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://\\S+$"),
              v -> io.mcpiac.opnsense.emulator.messages.Message.URL.text());
      case "JsonField" ->
          // JsonField came with 26.1.11; before, the field was plain text
          new CheckedTextField(
              n,
              (v, c) ->
                  !io.mcpiac.opnsense.emulator.messages.Message.JSON.existsIn(c.version())
                      || isJson(v, c),
              v -> io.mcpiac.opnsense.emulator.messages.Message.JSON.text());
      case "DescriptionField" -> masked(new TextField(n).description(), s);
      case "StrictTextField" -> masked(new TextField(n).strict(s.flag("AllowSpaces")), s);
      case ".IfDescField" ->
          new TextField(n)
              .mask(PhpRegex.compile("/^[a-z_0-9]{0,255}$/i"))
              .setMessage("Invalid description.");
      case "OptionField", ".SNatModeField", ".TosField" ->
          list(
              new OptionField(
                  n, s.options().isEmpty() ? TosOptions.get() : withoutBlank(s.options())),
              s);
      case "InterfaceField" -> list(new DynamicOptionField(n, c -> c.interfaces()), s);
      case "ProtocolField" ->
          list(
              new DynamicOptionField(
                  n, c -> Protocols.options(s.required(), "lower".equals(s.attr("ChangeCase")))),
              s);
      case "CountryField" -> list(new DynamicOptionField(n, c -> Countries.options()), s);
      case "CertificateField" -> {
        String type = s.attr("Type") == null ? "cert" : s.attr("Type");
        yield list(new DynamicOptionField(n, c -> c.certificates(type)), s);
      }
      case "JsonKeyValueStoreField" -> {
        String act = s.attr("ConfigdPopulateAct");
        yield list(new DynamicOptionField(n, c -> c.configdOptions(act)), s);
      }
      case ".ScheduleField" ->
          list(new DynamicOptionField(n, c -> c.configdOptions("schedules")), s);
      case ".VlanInterfaceField", ".DeviceField" ->
          list(new DynamicOptionField(n, c -> c.configdOptions("interface devices")), s);
      case ".PrivField" -> list(new DynamicOptionField(n, c -> c.configdOptions("privileges")), s);
      case ".GroupMembershipField" ->
          list(new DynamicOptionField(n, c -> c.configdOptions("groups")), s);
      case ".CategoryField" -> list(new DynamicOptionField(n, c -> categoryNames(c)), s);
      case ".CategoryMapField" -> new TextField(n);
      case "ModelRelationField" -> list(relation(s), s);
      case "UniqueIdField" -> GeneratedField.uniqueId(n);
      case "AutoNumberField" ->
          GeneratedField.autoNumber(
                  n, Long.parseLong(s.attr("MinimumValue") == null ? "1" : s.attr("MinimumValue")))
              .bounds(s.attr("MinimumValue"), s.attr("MaximumValue"));
      case ".FilterSequenceField", ".DNatSequenceField" ->
          GeneratedField.sequence(n).bounds(s.attr("MinimumValue"), s.attr("MaximumValue"));
      case "UpdateOnlyTextField" -> new UpdateOnlyTextField(n);
      case "NetworkField", ".RangeAddressField", ".DomainIPField" -> NetworkTypes.network(n, s);
      case "NetworkAliasField", ".NetworkMappedField" -> NetworkTypes.networkAlias(n, s);
      case "PortField", ".PortMappedField" -> NetworkTypes.port(n, s);
      case "HostnameField", ".HostnameField", ".AliasReflector" -> NetworkTypes.hostname(n, s);
      case "MacAddressField" -> NetworkTypes.mac(n, s);
      case "CSVListField" -> NetworkTypes.csv(n, s);
      case ".AliasNameField" -> AliasTypes.name(n);
      case ".AliasContentField" -> AliasTypes.content(n);
      case ".KeaPoolsField" -> KeaTypes.pools(n);
      case ".KeaStaticRoutesField" -> KeaTypes.staticRoutes(n);
      case ".KeaClasslessStaticRouteField" -> KeaTypes.classlessRoutes(n);
      case ".KeaOptionDataField" -> new TextField(n);
      case ".UsernameField" -> UserTypes.username(n);
      case ".ExpiresField" -> UserTypes.expires(n);
      default -> throw new IllegalArgumentException("field type " + s.type() + " of " + n);
    };
  }

  /** {@code JsonField}: base64 of a JSON document. */
  private static boolean isJson(String v, io.mcpiac.opnsense.emulator.fields.FieldContext c) {
    try {
      byte[] raw = java.util.Base64.getMimeDecoder().decode(v);
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(raw) != null;
    } catch (IllegalArgumentException | java.io.IOException e) {
      return false;
    }
  }

  private static LinkedHashMap<String, String> withoutBlank(LinkedHashMap<String, String> opts) {
    LinkedHashMap<String, String> copy = new LinkedHashMap<>(opts);
    copy.remove("");
    return copy;
  }

  private static LinkedHashMap<String, String> categoryNames(
      io.mcpiac.opnsense.emulator.fields.FieldContext c) {
    LinkedHashMap<String, String> out = new LinkedHashMap<>();
    c.relationOptions(Collections.CATEGORIES, List.of("name")).values().forEach(v -> out.put(v, v));
    return out;
  }

  private static Field masked(TextField f, FieldSpec s) {
    if (s.attr("Mask") != null) {
      f.mask(PhpRegex.compile(s.attr("Mask")));
    }
    return f;
  }

  private static Field list(ListField f, FieldSpec s) {
    f.multiple(s.flag("Multiple"));
    String blank = s.attr("BlankDesc");
    if (blank == null && s.options().containsKey("")) {
      blank = s.options().get("");
    }
    f.blankDesc(blank);
    return f;
  }

  private static ModelRelationField relation(FieldSpec s) {
    List<ModelRelationField.Source> sources = new ArrayList<>();
    Matcher m = MODEL_SOURCE.matcher(s.attr("Model"));
    while (m.find()) {
      sources.add(
          new ModelRelationField.Source(
              m.group(1) + ":" + m.group(2), Arrays.asList(m.group(3).split(","))));
    }
    return new ModelRelationField(s.name(), sources);
  }
}
