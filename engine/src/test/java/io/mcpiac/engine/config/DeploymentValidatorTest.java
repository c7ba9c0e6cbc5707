package io.mcpiac.engine.config;

import static io.mcpiac.engine.config.DeploymentBuilder.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.errors.ErrorKind;
import io.mcpiac.engine.errors.InvalidInputException;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeploymentValidatorTest {
  private final ProviderRegistry registry = TestProvider.registry();

  @Test
  void requireValidReturnsAValidDeploymentAndThrowsWithEveryProblemOtherwise() {
    Deployment good =
        DeploymentBuilder.deployment("good")
            .resource("core:data", "a", r -> r.property("input", 1))
            .build();
    Deployment bad =
        DeploymentBuilder.deployment("Bad Name")
            .resource("core:dta", "a")
            .resource("core:data", "a", r -> r.dependsOn("zz"))
            .build();

    assertThat(DeploymentValidator.requireValid(good, registry)).isSameAs(good);
    assertThatThrownBy(() -> DeploymentValidator.requireValid(bad, registry))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.diagnostics())
                    .extracting(Diagnostic::code)
                    .containsExactly(
                        DiagnosticCodes.INVALID_DEPLOYMENT_NAME,
                        DiagnosticCodes.UNKNOWN_TYPE,
                        DiagnosticCodes.DUPLICATE_NAME,
                        DiagnosticCodes.UNKNOWN_DEPENDENCY))
        .hasMessageStartingWith("4 problems in the deployment:");
  }

  @Test
  void requireValidOnALoadedFileIncludesTheDocumentsProblems() {
    LoadedDeployment loaded =
        DeploymentLoader.read(
            "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  resource: []\n",
            "x.yaml");

    assertThatThrownBy(() -> DeploymentValidator.requireValid(loaded, registry))
        .hasMessageContaining(
            "x.yaml:5: spec.resource: unknown key 'resource' (did you mean 'resources'?)");
  }

  @Test
  void valuesUnknownUntilApplyAreNotJudgedBySchemaButMissingOnesAre() {
    ObjectNode properties = Json.object().put("port", 8080);
    // an output known only after apply (the engine's own marker may not be written in input)
    properties.put("host", "${other.ip}");
    Deployment d =
        new Deployment(
            "unknowns",
            Map.of(),
            List.of(
                new ResourceConfig(
                    "test:server",
                    "web",
                    properties,
                    List.of(),
                    null,
                    SourceLocation.UNKNOWN,
                    Map.of()),
                new ResourceConfig(
                    "test:server",
                    "other",
                    Json.object().put("port", 8080),
                    List.of(),
                    null,
                    SourceLocation.UNKNOWN,
                    Map.of())),
            SourceLocation.UNKNOWN);

    assertThat(DeploymentValidator.validate(d, registry))
        .singleElement()
        .satisfies(
            diagnostic -> {
              assertThat(diagnostic.resource()).isEqualTo("other");
              assertThat(diagnostic.property()).isEqualTo("properties.host");
            });
  }

  @Test
  void aProviderInstanceRegisteredInTheRegistryNeedsNoSettings() {
    ProviderRegistry withBranch = TestProvider.registry().register("test/lab", new TestProvider());
    Deployment d =
        DeploymentBuilder.deployment("lab")
            .resource("test:server", "web", r -> r.property("host", "h").provider("test/lab"))
            .build();

    assertThat(DeploymentValidator.validate(d, withBranch)).isEmpty();
    assertThat(DeploymentValidator.validate(d, registry))
        .extracting(Diagnostic::code)
        .containsExactly(DiagnosticCodes.UNKNOWN_PROVIDER);
  }

  @Test
  void aBrokenSchemaIsReportedAndAProviderCheckThatThrowsIsABugNotADiagnostic() {
    ResourceType broken =
        new ResourceType(
            "odd:thing",
            "",
            Json.parse(
                "{\"type\": \"object\", \"properties\": {\"x\": {\"$ref\": \"#/nowhere\"}}}"),
            Set.of(),
            Set.of(),
            Map.of(),
            true);
    ThrowingProvider odd = new ThrowingProvider("odd", broken, new InvalidInputException("bad x"));
    Deployment d =
        DeploymentBuilder.deployment("odd")
            .resource("odd:thing", "t", r -> r.property("x", 1))
            .build();

    List<Diagnostic> found =
        DeploymentValidator.validate(d, new ProviderRegistry().register("odd", odd));

    assertThat(found)
        .extracting(Diagnostic::code)
        .containsOnly(DiagnosticCodes.PROVIDER_VALIDATION)
        .hasSize(2);
    assertThat(found).anySatisfy(x -> assertThat(x.message()).contains("validation failed: bad x"));

    // a provider's own bug is not a mistake in the file: it leaves validation as what it is, so
    // the front ends report it as an internal error (over MCP: INTERNAL, not VALIDATION_FAILED)
    ThrowingProvider buggy = new ThrowingProvider("odd", broken, new IllegalStateException("boom"));
    assertThatThrownBy(
            () -> DeploymentValidator.validate(d, new ProviderRegistry().register("odd", buggy)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom")
        .satisfies(e -> assertThat(ErrorKind.of(e)).isEqualTo(ErrorKind.INTERNAL));
  }

  @Test
  void diagnosticsAreOrderedByLine() {
    LoadedDeployment loaded =
        DeploymentLoader.read(
            """
            apiVersion: iac.mcp/v1
            kind: Deployment
            metadata: {name: order}
            spec:
              resources:
                - {type: core:data, name: a, properties: {input: "${b.output}"}}
                - {type: core:data, name: b, properties: {input: "${a.output}"}}
                - {type: core:data, name: c, dependsOn: [nobody]}
                - {type: core:dta, name: d}
            """,
            "order.yaml");

    assertThat(DeploymentValidator.validate(loaded, registry))
        .extracting(x -> x.location().line())
        .containsExactly(6, 8, 9);
  }

  @Test
  void validatesThousandsOfResourcesQuickly() {
    DeploymentBuilder builder = DeploymentBuilder.deployment("big");
    builder.resource("core:data", "r0", r -> r.property("input", 0));
    for (int i = 1; i < 2_000; i++) {
      String previous = "r" + (i - 1);
      String half = "r" + (i / 2);
      builder.resource(
          "core:data",
          "r" + i,
          r -> r.property("input", List.of(ref(previous, "output"), "x-${" + half + ".output}")));
    }
    Deployment d = builder.build();

    long start = System.nanoTime();
    List<Diagnostic> found = DeploymentValidator.validate(d, registry);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(found).isEmpty();
    assertThat(millis).as("milliseconds for 2,000 resources").isLessThan(5_000);
    assertThat(DeploymentGraph.of(d).waves()).hasSize(2_000);
  }

  /** A provider with one given type whose own check throws what the test gives. */
  private static final class ThrowingProvider implements Provider {
    private final String name;
    private final ResourceType type;
    private final RuntimeException thrown;

    ThrowingProvider(String name, ResourceType type, RuntimeException thrown) {
      this.name = name;
      this.type = type;
      this.thrown = thrown;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public List<ResourceType> resourceTypes() {
      return List.of(type);
    }

    @Override
    public Map<String, String> validate(ResourceType type, String name, ObjectNode properties) {
      throw thrown;
    }

    @Override
    public Map<String, LiveResource> read(ResourceType t, List<ReadRequest> resources) {
      return Map.of();
    }

    @Override
    public List<ChangeResult> apply(List<Change> batch) {
      throw new UnsupportedOperationException();
    }
  }
}
