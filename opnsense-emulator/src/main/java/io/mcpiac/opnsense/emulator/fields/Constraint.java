package io.mcpiac.opnsense.emulator.fields;

/**
 * A model constraint ({@code UniqueConstraint}, {@code SetIfConstraint}, …) attached to a field.
 * When another field references it ({@code ref:<field>.check001}) OPNsense runs it twice, which is
 * why such messages come back as one-element arrays; {@link #timesRun()} reproduces that.
 */
public interface Constraint {

  /** Returns the message when the constraint is violated, else null. */
  String check(ConstraintScope scope);

  /** How often OPNsense evaluates this constraint while validating one item. */
  int timesRun();

  /** A copy that runs once more (another field references it). */
  Constraint referencedOnceMore();
}
