package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpiac.engine.resources.Secrets;
import io.mcpiac.engine.resources.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the values of {@linkplain Reference#isExternal() external references} at the moment the
 * engine needs them (to plan a digest, or to hand a provider the value), never earlier and never to
 * keep: {@code ${secret.env:NAME}}, {@code ${secret.file:PATH}} (relative to the deployment file's
 * directory; one trailing line break is dropped, as files written with {@code echo} have one),
 * sensitive variables, and other deployments' outputs from state.
 */
public final class ExternalValues {
  private final Deployment deployment;
  private final Function<String, Optional<ObjectNode>> outputsOf;
  private final Function<String, String> environment;

  /**
   * @param outputsOf a deployment's recorded outputs by name, empty when it has none
   */
  public ExternalValues(
      Deployment deployment,
      Function<String, Optional<ObjectNode>> outputsOf,
      Function<String, String> environment) {
    this.deployment = deployment;
    this.outputsOf = outputsOf;
    this.environment = environment;
  }

  /** For places that have no state: another deployment's output is not available there. */
  public static ExternalValues withoutState(Deployment deployment) {
    return new ExternalValues(deployment, name -> Optional.empty(), System::getenv);
  }

  /**
   * The value of an external reference; a secret or sensitive variable is marked secret ({@link
   * Secrets#mark}), so the mark travels with it wherever it is referenced or interpolated.
   *
   * @throws UnavailableValueException when it cannot be read now
   */
  public JsonNode value(Reference ref) {
    JsonNode value = read(ref);
    return ref.isDeploymentOutput() ? value : Secrets.mark(value);
  }

  private JsonNode read(Reference ref) {
    if (Reference.SECRET_ENV.equals(ref.type())) {
      String value = environment.apply(ref.name());
      if (value == null) {
        throw new UnavailableValueException(
            "'" + ref.text() + "': the environment variable " + ref.name() + " is not set");
      }
      return TextNode.valueOf(value);
    }
    if (Reference.SECRET_FILE.equals(ref.type())) {
      return TextNode.valueOf(readSecretFile(ref));
    }
    if (ref.isVariable()) {
      JsonNode value = deployment.sensitiveValues().get(ref.attribute());
      if (value == null || Values.isSensitive(value)) {
        throw new UnavailableValueException(
            "'"
                + ref.text()
                + "': the sensitive variable '"
                + ref.attribute()
                + "' has no value here (a saved plan never keeps it): give it with --var, a var"
                + " file or MCP_IAC_VAR_"
                + ref.attribute());
      }
      return value;
    }
    if (ref.isDeploymentOutput()) {
      return deploymentOutput(ref);
    }
    throw new IllegalArgumentException("not an external reference: " + ref.text());
  }

  private String readSecretFile(Reference ref) {
    String origin = deployment.location().file();
    if (origin.startsWith("<") && !origin.equals("<stdin>")) {
      throw new UnavailableValueException(
          "'"
              + ref.text()
              + "': a secret file is read next to a deployment file; "
              + origin
              + " has none (use ${secret.env:NAME})");
    }
    Path file = Path.of(ref.name());
    if (!file.isAbsolute() && !origin.startsWith("<")) {
      Path dir = Path.of(origin).toAbsolutePath().getParent();
      file = dir == null ? file : dir.resolve(file);
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.endsWith("\r\n")) {
        return text.substring(0, text.length() - 2);
      }
      return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    } catch (IOException | RuntimeException e) {
      // the message names the file, never its content
      throw new UnavailableValueException(
          "'"
              + ref.text()
              + "': cannot read the secret file "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  private JsonNode deploymentOutput(Reference ref) {
    ObjectNode outputs =
        outputsOf
            .apply(ref.name())
            .orElseThrow(
                () ->
                    new UnavailableValueException(
                        "'"
                            + ref.text()
                            + "': the state has no outputs of a deployment '"
                            + ref.name()
                            + "' (apply it first, on the same state store)"));
    String path = ref.attribute().substring("outputs.".length());
    JsonNode value = References.at(outputs, path);
    if (value == null) {
      throw new UnavailableValueException(
          "'" + ref.text() + "': deployment '" + ref.name() + "' has no output '" + path + "'");
    }
    if (Values.isSensitive(value)) {
      throw new UnavailableValueException(
          "'"
              + ref.text()
              + "' is a sensitive output: its value is never stored, so no other deployment can"
              + " read it");
    }
    return value;
  }

  /** An external value cannot be read when it is needed: a missing variable, file or output. */
  public static final class UnavailableValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnavailableValueException(String message) {
      super(message);
    }
  }
}
