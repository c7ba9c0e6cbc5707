package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.opnsense.client.FirewallVersion;
import java.util.ArrayList;
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

  /**
   * Outputs {@link #outputs} derives from one property alone, output → that property: a plan knows
   * them from the desired properties, so an update shows what references to them become instead of
   * the prior value.
   */
  public Map<String, String> outputsFromProperties() {
    return Map.of("name", "name", "fqdn", "domain");
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
              MappingSchema.of(this),
              replaceOnChange(),
              allSecrets(),
              outputDescriptions(),
              createBeforeDestroy());
      type = t;
    }
    return t;
  }

  /**
   * The value a left-out property stands for (what is sent when it is absent), as the schema's
   * {@code default}: the planner compares the live object against it, so a change made on the
   * firewall to a property the file leaves out is drift. None where the firewall computes it:
   * properties the firewall fills in itself when they are left out (so their absence has no fixed
   * value to compare with) are listed here.
   */
  protected Set<String> computedWhenAbsent() {
    return Set.of();
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
   * Whether {@link #validate}'s version-dependent checks are worth one call to the firewall at plan
   * time (otherwise they use the version only when something else asked for it already).
   */
  public boolean validatesAgainstVersion() {
    return false;
  }

  /** Whether the plan-time checks need the firewall's users (a password required on create). */
  public boolean checksUsers() {
    return false;
  }

  /**
   * {@code native} keys that are the OPNsense field of a typed property: the typed property is
   * checked and diffed, a native value would silently override it, so it is refused.
   */
  public final Map<String, String> nativeOverrides(ObjectNode props) {
    List<Spec> all = new ArrayList<>();
    endpoints().forEach(ep -> all.addAll(specs(ep)));
    return NativeFields.overrides(props.get(NATIVE), all);
  }

  /** Sets a (possibly dotted) field in a nested body. */
  protected static void put(ObjectNode fields, String field, String value) {
    SpecFields.put(fields, field, value);
  }

  /** The wrapper's content for a {@code set…} of an object with {@code props}. */
  public ObjectNode toFields(
      String resource, ObjectNode props, Endpoint endpoint, Lookups lookups) {
    ObjectNode fields = Json.object();
    SpecFields.write(specs(endpoint), props, fields);
    customizeFields(resource, fields, props, endpoint, lookups);
    PortSyntax.convertFields(endpoint, fields);
    NativeFields.write(props.get(NATIVE), fields);
    return fields;
  }

  /** Fields that do not map one to one. */
  protected void customizeFields(
      String resource, ObjectNode fields, ObjectNode props, Endpoint endpoint, Lookups lookups) {}

  /** The friendly properties of a stored object (a flattened search row or get item). */
  public ObjectNode toProperties(Endpoint endpoint, Map<String, String> row, Lookups lookups) {
    ObjectNode props = SpecFields.read(specs(endpoint), row);
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
    return LiveShape.of(property, recorded, live);
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
          return SpecFields.isDefault(spec, value);
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
