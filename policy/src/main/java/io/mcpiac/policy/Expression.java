package io.mcpiac.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One compiled CEL expression of a policy (a condition, a filter, a message expression). A rule
 * sees {@code resource} and {@code deployment}, both maps; {@code has()} and the other standard
 * macros are on, with CEL's string extension ({@code split}, {@code lowerAscii}, ...), {@code
 * cel.bind(name, value, expression)} and {@link Functions}' {@code cidrContains}.
 */
record Expression(String source, CelRuntime.Program program, Set<String> properties) {
  /** What an expression must evaluate to. */
  enum Result {
    BOOL,
    STRING
  }

  /** The expression does not compile; {@code line} 1-based, {@code column} 0-based. */
  static final class CompileError extends Exception {
    final int line;
    final int column;

    CompileError(String message, int line, int column) {
      super(message);
      this.line = line;
      this.column = column;
    }
  }

  private static final Pattern PROPERTY =
      Pattern.compile(
          "properties\\s*(?:\\.\\s*([A-Za-z_][A-Za-z0-9_]*)|\\[\\s*['\"]([^'\"]+)['\"])");

  private static final class Holder {
    static final CelRuntime RUNTIME =
        CelRuntimeFactory.standardCelRuntimeBuilder()
            .addLibraries(dev.cel.extensions.CelExtensions.strings())
            .addFunctionBindings(Functions.binding())
            .build();
    static final CelCompiler BOOL = compiler(SimpleType.BOOL);
    static final CelCompiler STRING = compiler(SimpleType.STRING);

    private static CelCompiler compiler(dev.cel.common.types.CelType result) {
      MapType map = MapType.create(SimpleType.STRING, SimpleType.DYN);
      return CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addLibraries(
              dev.cel.extensions.CelExtensions.strings(),
              dev.cel.extensions.CelExtensions.bindings())
          .addFunctionDeclarations(Functions.declaration())
          .addVar("resource", map)
          .addVar("deployment", map)
          .setResultType(result)
          .build();
    }
  }

  static Expression compile(String source, Result result) throws CompileError {
    CelCompiler compiler = result == Result.BOOL ? Holder.BOOL : Holder.STRING;
    // a block scalar ends with a line break: an error at the end is then on the last line
    CelValidationResult compiled = compiler.compile(source.stripTrailing());
    if (compiled.hasError()) {
      CelIssue first = compiled.getErrors().get(0);
      throw new CompileError(
          first.getMessage(),
          Math.max(1, first.getSourceLocation().getLine()),
          Math.max(0, first.getSourceLocation().getColumn()));
    }
    try {
      CelAbstractSyntaxTree ast = compiled.getAst();
      return new Expression(source, Holder.RUNTIME.createProgram(ast), referenced(source));
    } catch (CelValidationException | CelEvaluationException e) {
      throw new CompileError(e.getMessage(), 1, 0);
    }
  }

  /** The top-level property names the expression reads ({@code resource.properties.log}). */
  private static Set<String> referenced(String source) {
    Set<String> out = new TreeSet<>();
    Matcher m = PROPERTY.matcher(source);
    while (m.find()) {
      out.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return out;
  }

  Object eval(Map<String, ?> variables) throws CelEvaluationException {
    return program.eval(variables);
  }
}
