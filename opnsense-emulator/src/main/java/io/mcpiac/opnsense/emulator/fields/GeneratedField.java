package io.mcpiac.opnsense.emulator.fields;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Function;

/**
 * Fields whose value the system makes: {@code UniqueIdField} ({@code uniqid('', true)}), {@code
 * AutoNumberField} (first unused number) and the rule sequence fields (highest + 100).
 */
public class GeneratedField extends IntegerFieldAdapter {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Function<FieldContext, String> generator;
  private final boolean writable;

  private GeneratedField(
      String name, Function<FieldContext, String> generator, boolean writable, boolean numeric) {
    super(name, numeric);
    this.generator = generator;
    this.writable = writable;
  }

  /** PHP {@code uniqid('', true)}: 13 hex digits of the clock, a dot, 8 random digits. */
  public static GeneratedField uniqueId(String name) {
    return new GeneratedField(name, ctx -> uniqid(), false, false);
  }

  public static String uniqid() {
    long micros = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
    String hex = String.format("%08x%05x", micros / 1_000_000, micros % 1_000_000);
    return hex + "." + String.format("%08d", RANDOM.nextInt(100_000_000));
  }

  /** {@code AutoNumberField}: the first number at or above the minimum not used by another item. */
  public static GeneratedField autoNumber(String name, long min) {
    return new GeneratedField(
        name,
        ctx -> {
          long n = min;
          List<String> used = ctx.siblingValues(name);
          while (used.contains(Long.toString(n))) {
            n++;
          }
          return Long.toString(n);
        },
        true,
        true);
  }

  /** {@code FilterSequenceField} / {@code DNatSequenceField}: highest existing sequence + 100. */
  public static GeneratedField sequence(String name) {
    return new GeneratedField(
        name,
        ctx -> {
          BigInteger max = BigInteger.ONE;
          for (String v : ctx.siblingValues(name)) {
            if (v.matches("\\d{1,12}")) {
              max = max.max(new BigInteger(v));
            }
          }
          return max.add(BigInteger.valueOf(100)).toString();
        },
        true,
        true);
  }

  @Override
  public String initialValue(FieldContext ctx) {
    return generator.apply(ctx);
  }

  @Override
  public boolean writable() {
    return writable;
  }
}
