package io.mcpiac.opnsense.emulator.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The constraint types that appear in the model tables, as OPNsense implements them. */
public final class Constraints {
  private Constraints() {}

  /** Base with the "run twice when referenced" bookkeeping. */
  private abstract static class Base implements Constraint {
    final String message;
    final int times;

    Base(String message, int times) {
      this.message = message;
      this.times = times;
    }

    @Override
    public int timesRun() {
      return times;
    }
  }

  /**
   * {@code UniqueConstraint(addFields=…, caseInsensitive=Y)}: value (plus extra fields) unique in
   * the list.
   */
  public static Constraint unique(List<String> addFields, boolean caseInsensitive, String message) {
    return new Unique(addFields, caseInsensitive, message, 1);
  }

  private static final class Unique extends Base {
    final List<String> addFields;
    final boolean ci;

    Unique(List<String> addFields, boolean ci, String message, int times) {
      super(message, times);
      this.addFields = addFields;
      this.ci = ci;
    }

    private String key(ConstraintScope s) {
      StringBuilder b = new StringBuilder(s.value());
      for (String f : addFields) {
        b.append('\u0000').append(s.sibling(f));
      }
      return ci ? b.toString().toLowerCase(Locale.ROOT) : b.toString();
    }

    @Override
    public String check(ConstraintScope scope) {
      if (scope.value().isEmpty()) {
        return null;
      }
      String mine = key(scope);
      for (ConstraintScope other : scope.others()) {
        if (!other.value().isEmpty() && key(other).equals(mine)) {
          return message == null
              ? io.mcpiac.opnsense.emulator.messages.Message.CONSTRAINT_DEFAULT.text(
                  "OPNsense\\Base\\Constraints\\UniqueConstraint")
              : message;
        }
      }
      return null;
    }

    @Override
    public Constraint referencedOnceMore() {
      return new Unique(addFields, ci, message, times + 1);
    }
  }

  /**
   * {@code SetIfConstraint(field=x; check=v)}: required when sibling x equals v (v empty = x
   * empty).
   */
  public static Constraint setIf(String field, String check, String message) {
    return new SetIf(field, check == null ? "" : check, message, 1);
  }

  private static final class SetIf extends Base {
    final String field;
    final String check;

    SetIf(String field, String check, String message, int times) {
      super(message, times);
      this.field = field;
      this.check = check;
    }

    @Override
    public String check(ConstraintScope scope) {
      return scope.value().isEmpty() && scope.sibling(field).equals(check) ? message : null;
    }

    @Override
    public Constraint referencedOnceMore() {
      return new SetIf(field, check, message, times + 1);
    }
  }

  /**
   * {@code DependConstraint} / {@code SetConstraint}: this field and the extra fields must either
   * all be set or all be empty.
   */
  public static Constraint allOrNone(List<String> addFields, String message) {
    return new AllOrNone(addFields, message, 1);
  }

  private static final class AllOrNone extends Base {
    final List<String> addFields;

    AllOrNone(List<String> addFields, String message, int times) {
      super(message, times);
      this.addFields = addFields;
    }

    @Override
    public String check(ConstraintScope scope) {
      List<Boolean> set = new ArrayList<>();
      set.add(!scope.value().isEmpty());
      for (String f : addFields) {
        set.add(!scope.sibling(f).isEmpty());
      }
      return set.contains(true) && set.contains(false) ? message : null;
    }

    @Override
    public Constraint referencedOnceMore() {
      return new AllOrNone(addFields, message, times + 1);
    }
  }

  /** {@code SingleSelectConstraint}: at most one of the (boolean) fields may be enabled. */
  public static Constraint singleSelect(List<String> addFields, String message) {
    return new SingleSelect(addFields, message, 1);
  }

  private static final class SingleSelect extends Base {
    final List<String> addFields;

    SingleSelect(List<String> addFields, String message, int times) {
      super(message, times);
      this.addFields = addFields;
    }

    private static boolean on(String v) {
      return !v.isEmpty() && !"0".equals(v);
    }

    @Override
    public String check(ConstraintScope scope) {
      int count = on(scope.value()) ? 1 : 0;
      for (String f : addFields) {
        count += on(scope.sibling(f)) ? 1 : 0;
      }
      return count > 1 ? message : null;
    }

    @Override
    public Constraint referencedOnceMore() {
      return new SingleSelect(addFields, message, times + 1);
    }
  }
}
