package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.opnsense.client.FirewallVersion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code opnsense:*} resource type: its schema, and how its friendly properties map to the
 * fields of an OPNsense collection and back. Simple properties are declared as {@link Spec}s;
 * subclasses add what does not map one to one. Every type takes a {@code native} map of OPNsense
 * fields that are passed through as they are.
 */
public abstract class ResourceMapping {
  public static final String NATIVE = "native";

  private final String name;
  private final String description;
  private volatile ResourceType type;

  protected ResourceMapping(String name, String description) {
    this.name = name;
    this.description = description;
  }

  public String name() {
    return name;
  }

  /** The collections objects of this type live in (several for types with a kind/server). */
  public abstract List<Endpoint> endpoints();

  /** The collection an object with these properties lives in. */
  public Endpoint endpointFor(ObjectNode props) {
    return endpoints().get(0);
  }

  /** The simple properties of objects in {@code endpoint}. */
  protected abstract List<Spec> specs(Endpoint endpoint);

  /** All properties of the type, for the schema (the union over endpoints). */
  protected List<Spec> allSpecs() {
    Map<String, Spec> out = new LinkedHashMap<>();
    for (Endpoint e : endpoints()) {
      for (Spec s : specs(e)) {
        out.putIfAbsent(s.property(), s);
      }
    }
    return new ArrayList<>(out.values());
  }

  /** Schema members beyond the specs, e.g. {@code "kind": {...}} (without surrounding braces). */
  protected String extraSchema() {
    return "";
  }

  protected List<String> required() {
    return List.of();
  }

  protected Set<String> replaceOnChange() {
    return Set.of();
  }

  protected Set<String> secrets() {
    return Set.of();
  }

  /**
   * OPNsense fields of this type that its model holds as passwords or keys: secret when set under
   * {@code native} too (declared as {@code native.FIELD}).
   */
  protected Set<String> nativeSecrets() {
    return Set.of();
  }

  private Set<String> allSecrets() {
    Set<String> all = new java.util.TreeSet<>(secrets());
    nativeSecrets().forEach(f -> all.add(NATIVE + "." + f));
    return all;
  }

  protected Map<String, String> outputDescriptions() {
    return Map.of("uuid", "the object's UUID on the firewall");
  }

  /** False where the old and the new object would collide (a unique name or tag). */
  protected boolean createBeforeDestroy() {
    return true;
  }

  public final ResourceType type() {
    ResourceType t = type;
    if (t == null) {
      t =
          new ResourceType(
              name,
              description,
              schema(),
              replaceOnChange(),
              allSecrets(),
              outputDescriptions(),
              createBeforeDestroy());
      type = t;
    }
    return t;
  }

  private JsonNode schema() {
    StringBuilder s = new StringBuilder();
    s.append("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",")
        .append("\"type\":\"object\",\"additionalProperties\":false,\"properties\":{");
    List<String> members = new ArrayList<>();
    for (Spec spec : allSpecs()) {
      members.add(
          Json.write(spec.property())
              + ":{"
              + schemaType(spec)
              + ",\"description\":"
              + Json.write(spec.description())
              + (spec.schema() == null ? "" : "," + spec.schema())
              + schemaDefault(spec)
              + "}");
    }
    String extra = extraSchema();
    if (!extra.isBlank()) {
      members.add(extra);
    }
    members.add(
        "\"native\":{\"type\":\"object\",\"description\":\"OPNsense fields passed through as they"
            + " are (field name to value), for what this type does not model.\","
            + "\"additionalProperties\":{\"type\":[\"string\",\"number\",\"boolean\"]}}");
    s.append(String.join(",", members)).append("}");
    if (!required().isEmpty()) {
      s.append(",\"required\":").append(Json.write(required()));
    }
    return Json.parse(s.append("}").toString());
  }

  /**
   * The value a left-out property stands for (what is sent when it is absent), as the schema's
   * {@code default}: the planner compares the live object against it, so a change made on the
   * firewall to a property the file leaves out is drift. None where the firewall computes it.
   */
  /**
   * Properties the firewall fills in itself when they are left out (so their absence has no fixed
   * value to compare with): no schema default.
   */
  protected Set<String> computedWhenAbsent() {
    return Set.of();
  }

  private String schemaDefault(Spec spec) {
    if (computedWhenAbsent().contains(spec.property())) {
      return "";
    }
    JsonNode d = defaultValue(spec);
    return d == null ? "" : ",\"default\":" + Json.write(d);
  }

  static JsonNode defaultValue(Spec spec) {
    String w = spec.whenAbsent();
    if (w == null || spec.field().startsWith("@")) {
      return null;
    }
    return switch (spec.kind()) {
      case TEXT -> Json.MAPPER.getNodeFactory().textNode(w);
      case INT -> w.matches("-?[0-9]{1,9}") ? Props.intOrText(w) : null;
      case INT_OR_TEXT -> Props.intOrText(w);
      case BOOL -> Props.boolOf(w);
      case NOT_BOOL -> Json.MAPPER.getNodeFactory().booleanNode(!Props.boolOf(w).booleanValue());
      case CSV -> Props.split(w, ",");
      case LINES -> Props.split(w, "\n");
    };
  }

  private static String schemaType(Spec spec) {
    return switch (spec.kind()) {
      case TEXT -> "\"type\":\"string\"";
      case INT -> "\"type\":\"integer\"";
      case INT_OR_TEXT -> "\"type\":[\"integer\",\"string\"]";
      case BOOL, NOT_BOOL -> "\"type\":\"boolean\"";
      // an item is sent joined with the others (by ',' or a newline): an item holding the
      // separator would become two entries on the firewall, so it cannot be represented
      case CSV ->
          "\"type\":[\"string\",\"array\"],\"items\":{\"type\":\"string\","
              + "\"pattern\":\"^[^,\\\\u0000-\\\\u001f]*$\"}";
      case LINES ->
          "\"type\":[\"string\",\"array\"],\"items\":{\"type\":\"string\","
              + "\"pattern\":\"^[^\\\\u0000-\\\\u001f]*$\"}";
    };
  }

  /** Properties that follow from the order of the file (see {@link Sequences}); none by default. */
  public Map<String, ObjectNode> arrange(List<io.mcpiac.engine.providers.Placement> resources) {
    return Map.of();
  }

  /**
   * Values of option-valued properties that the firewall does not offer ({@code choices}: field →
   * accepted keys, see {@link OptionChoices}); messages keyed by property. Properties with a fixed
   * list in the schema are left to the schema.
   */
  public Map<String, String> checkOptions(ObjectNode props, Map<String, List<String>> choices) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Spec spec : specs(endpointFor(props))) {
      boolean listed = spec.schema() != null && spec.schema().contains("\"enum\"");
      boolean text = spec.kind() == Spec.Kind.TEXT || spec.kind() == Spec.Kind.CSV;
      List<String> offered = choices.get(spec.field());
      if (spec.field().startsWith("@") || listed || !text || offered == null || offered.isEmpty()) {
        continue;
      }
      List<String> bad = OptionChoices.notAmong(props.get(spec.property()), offered);
      if (!bad.isEmpty()) {
        out.put(
            spec.property(), OptionChoices.message(spec.property(), spec.field(), bad, offered));
      }
    }
    return out;
  }

  /** Checks beyond the schema; messages keyed by property. */
  public Map<String, String> validate(ObjectNode props, FirewallVersion version) {
    return Map.of();
  }

  /**
   * {@code native} keys that are the OPNsense field of a typed property: the typed property is
   * checked and diffed, a native value would silently override it, so it is refused.
   */
  public final Map<String, String> nativeOverrides(ObjectNode props) {
    JsonNode nat = props.get(NATIVE);
    Map<String, String> problems = new java.util.TreeMap<>();
    if (nat == null || !nat.isObject()) {
      return problems;
    }
    for (Endpoint ep : endpoints()) {
      for (Spec spec : specs(ep)) {
        if (nat.has(spec.field())) {
          problems.put(
              NATIVE + "." + spec.field(),
              "'"
                  + spec.field()
                  + "' is the OPNsense field of the typed property '"
                  + spec.property()
                  + "': set '"
                  + spec.property()
                  + "' instead (native may not override a typed property)");
        }
      }
    }
    return problems;
  }

  /** The wrapper's content for a {@code set…} of an object with {@code props}. */
  public ObjectNode toFields(
      String resource, ObjectNode props, Endpoint endpoint, Lookups lookups) {
    ObjectNode fields = Json.object();
    for (Spec spec : specs(endpoint)) {
      if (spec.field().startsWith("@")) {
        continue;
      }
      String value = fieldValue(spec, props);
      if (value != null) {
        put(fields, spec.field(), value);
      }
    }
    customizeFields(resource, fields, props, endpoint, lookups);
    PortSyntax.convertFields(endpoint, fields);
    JsonNode nat = props.get(NATIVE);
    if (nat != null && nat.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = nat.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        put(fields, e.getKey(), v.isBoolean() ? (v.booleanValue() ? "1" : "0") : v.asText());
      }
    }
    return fields;
  }

  /** Sets a (possibly dotted) field in a nested body. */
  protected static void put(ObjectNode fields, String field, String value) {
    int dot = field.indexOf('.');
    if (dot < 0) {
      fields.put(field, value);
      return;
    }
    ObjectNode child = fields.with(field.substring(0, dot));
    put(child, field.substring(dot + 1), value);
  }

  private static String fieldValue(Spec spec, ObjectNode props) {
    JsonNode v = props.get(spec.property());
    if (v == null || v.isNull() || Values.isUnknown(v)) {
      return spec.whenAbsent();
    }
    return switch (spec.kind()) {
      case TEXT, INT, INT_OR_TEXT -> v.asText();
      case BOOL -> Props.bool(props, spec.property(), false) ? "1" : "0";
      case NOT_BOOL -> Props.bool(props, spec.property(), true) ? "0" : "1";
      case CSV -> String.join(",", Props.list(v));
      case LINES -> String.join("\n", Props.list(v));
    };
  }

  /** Fields that do not map one to one. */
  protected void customizeFields(
      String resource, ObjectNode fields, ObjectNode props, Endpoint endpoint, Lookups lookups) {}

  /** The friendly properties of a stored object (a flattened search row or get item). */
  public ObjectNode toProperties(Endpoint endpoint, Map<String, String> row, Lookups lookups) {
    ObjectNode props = Json.object();
    for (Spec spec : specs(endpoint)) {
      String v = row.get(spec.field());
      if (v == null || spec.field().startsWith("@")) {
        continue;
      }
      switch (spec.kind()) {
        case TEXT -> props.put(spec.property(), v);
        case INT, INT_OR_TEXT -> props.set(spec.property(), Props.intOrText(v));
        case BOOL -> props.set(spec.property(), Props.boolOf(v));
        case NOT_BOOL -> props.put(spec.property(), !Props.boolOf(v).booleanValue());
        case CSV -> props.set(spec.property(), Props.split(v, ","));
        case LINES -> props.set(spec.property(), Props.split(v, "\n"));
      }
    }
    customizeProperties(props, endpoint, row, lookups);
    return props;
  }

  protected void customizeProperties(
      ObjectNode props, Endpoint endpoint, Map<String, String> row, Lookups lookups) {}

  /** Outputs of a stored object. */
  public ObjectNode outputs(String resource, String id, Map<String, String> row, ObjectNode props) {
    ObjectNode o = Json.object();
    o.put("uuid", id);
    return o;
  }

  /**
   * {@code live} (a property read back) in the shape the user wrote it, when both mean the same.
   */
  public JsonNode shape(
      String property,
      JsonNode recorded,
      JsonNode live,
      ObjectNode recordedProps,
      Lookups lookups) {
    // OPNsense answers protocols upper-case (TCP) whatever was written; the name is the same
    if (property.equals("protocol")
        && recorded != null
        && live != null
        && recorded.asText().equalsIgnoreCase(live.asText())) {
      return recorded;
    }
    // 8000:8080 and 8000-8080 are one range; the field's own syntax is read back
    if (recorded != null && live != null && samePorts(recorded, live)) {
      return recorded;
    }
    return Props.like(recorded, live);
  }

  private static boolean samePorts(JsonNode recorded, JsonNode live) {
    List<String> a = Props.list(recorded);
    List<String> b = Props.list(live);
    if (a.size() != b.size() || a.isEmpty()) {
      return false;
    }
    boolean anyRange = false;
    for (int i = 0; i < a.size(); i++) {
      if (PortSyntax.same(a.get(i), b.get(i))) {
        anyRange = true;
      } else if (!a.get(i).equals(b.get(i))) {
        return false;
      }
    }
    return anyRange;
  }

  /** Creates the object with the id chosen beforehand; returns the id it really got. */
  public String create(Writer w, Endpoint ep, String id, String resource, ObjectNode props) {
    w.set(this, ep, id, toFields(resource, props, ep, w.lookups()));
    return id;
  }

  public void update(
      Writer w, Endpoint ep, String id, String resource, ObjectNode prior, ObjectNode props) {
    w.set(this, ep, id, toFields(resource, props, ep, w.lookups()));
  }

  /** Deletes the object; an object that is already gone is not an error. */
  public void delete(Writer w, Endpoint ep, String id, String resource, ObjectNode prior) {
    w.del(ep, id);
  }

  /** Finds the object of a read request among the rows of its collection. */
  public Map<String, String> match(
      String id, ObjectNode recordedProps, java.util.List<Map<String, String>> rows) {
    for (Map<String, String> row : rows) {
      if (id != null && id.equals(row.get("uuid"))) {
        return row;
      }
    }
    return null;
  }

  /** Whether outputs need the stored row after a write (values the firewall assigns). */
  public boolean outputsNeedRow() {
    return false;
  }

  /** The property an OPNsense field (validation key without wrapper) belongs to. */
  public String propertyOf(Endpoint endpoint, String field) {
    for (Spec spec : specs(endpoint)) {
      if (spec.field().equals(field)) {
        return spec.property();
      }
    }
    return "native." + field;
  }

  /** A resource name for an imported object. */
  public String importName(Map<String, String> row) {
    String base = firstNonEmpty(row, "name", "description", "descr", "uuid");
    return base.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-");
  }

  /**
   * Rows of the collection that are real objects of this type (built-ins and automatic rows are
   * not).
   */
  public boolean isManageable(Map<String, String> row) {
    return OpnsenseNames.isUuid(row.get("uuid"));
  }

  /** Properties an import leaves out because they hold their default value. */
  public boolean isDefault(String property, JsonNode value) {
    for (Endpoint e : endpoints()) {
      for (Spec spec : specs(e)) {
        if (spec.property().equals(property)) {
          String dflt = spec.whenAbsent();
          return switch (spec.kind()) {
            case BOOL ->
                dflt != null && value.isBoolean() && value.booleanValue() == "1".equals(dflt);
            case NOT_BOOL ->
                dflt != null && value.isBoolean() && value.booleanValue() == "0".equals(dflt);
            case CSV, LINES -> value.isArray() && value.isEmpty();
            default -> value.asText().equals(dflt == null ? "" : dflt);
          };
        }
      }
    }
    return false;
  }

  protected static String firstNonEmpty(Map<String, String> row, String... fields) {
    for (String f : fields) {
      String v = row.get(f);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return "object";
  }
}
