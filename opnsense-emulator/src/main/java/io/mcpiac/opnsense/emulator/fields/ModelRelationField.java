package io.mcpiac.opnsense.emulator.fields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ModelRelationField}: uuids of items in other lists, labelled by their display fields and
 * sorted natural-case by label as OPNsense does.
 */
public class ModelRelationField extends ListField {
  /** One {@code Model=…:path(display=a,b)} source. */
  public record Source(String collectionId, List<String> display) {}

  private final List<Source> sources;

  public ModelRelationField(String name, List<Source> sources) {
    super(name);
    this.sources = sources;
  }

  public List<Source> sources() {
    return sources;
  }

  @Override
  public LinkedHashMap<String, String> options(FieldContext ctx) {
    List<Map.Entry<String, String>> all = new ArrayList<>();
    for (Source s : sources) {
      all.addAll(ctx.relationOptions(s.collectionId(), s.display()).entrySet());
    }
    all.sort((a, b) -> NaturalOrder.compareIgnoreCase(a.getValue(), b.getValue()));
    LinkedHashMap<String, String> out = new LinkedHashMap<>();
    all.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
