package io.mcpiac.opnsense.emulator.fields;

import java.util.List;

/** The item being validated, its siblings in the same list, and the field under check. */
public interface ConstraintScope {
  /** Value of the constrained field. */
  String value();

  /**
   * Value of a sibling field of the same item (path relative to the constrained field's parent).
   */
  String sibling(String name);

  /** The same fields in the other items of the list (excluding the validated item). */
  List<ConstraintScope> others();
}
