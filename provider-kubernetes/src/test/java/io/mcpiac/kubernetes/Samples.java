package io.mcpiac.kubernetes;

/** Manifests the tests share: a CRD of kind Widget (example.com/v1) and widgets. */
final class Samples {
  private Samples() {}

  static final String WIDGET_CRD =
      """
      {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
       "metadata": {"name": "widgets.example.com"},
       "spec": {"group": "example.com", "scope": "Namespaced",
                "names": {"kind": "Widget", "plural": "widgets", "singular": "widget", "listKind": "WidgetList"},
                "versions": [{"name": "v1", "served": true, "storage": true,
                              "schema": {"openAPIV3Schema": {"type": "object", "properties": {
                                "spec": {"type": "object", "required": ["size"],
                                         "properties": {"size": {"type": "integer", "minimum": 1},
                                                        "color": {"type": "string"}}}}}}}]}}""";

  /** A k8s:manifest resource's properties for a Widget; {@code size} is raw JSON. */
  static String widget(String name, Object size) {
    return "{\"manifest\": {\"apiVersion\": \"example.com/v1\", \"kind\": \"Widget\", \"metadata\":"
        + " {\"name\": \""
        + name
        + "\", \"labels\": {\"tier\": \"one\"}}, \"spec\": {\"size\": "
        + size
        + ", \"color\": \"blue\"}}}";
  }

  /** The update of {@link #widget}: the whole manifest again, with another size. */
  static String widgetChange(int size) {
    return widget("w1", size);
  }
}
