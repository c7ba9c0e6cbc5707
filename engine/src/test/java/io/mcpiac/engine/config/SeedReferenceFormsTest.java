package io.mcpiac.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.resources.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The seed's own reference forms: {@code ${aws:ec2:app-1.ip}} names the instance {@code app-1} of
 * type {@code aws:ec2:instance} by a type prefix, {@code ${aws:vpc:subnet.id}} the subnet by its
 * {@code id}, which every resource has. A stand-in provider declares the two AWS types (there is no
 * AWS provider yet); only validation runs.
 */
class SeedReferenceFormsTest {
  private static ResourceType type(String name, Map<String, String> outputs) {
    return new ResourceType(
        name, name, Json.parse("{\"type\": \"object\"}"), Set.of(), Set.of(), outputs, true);
  }

  /** Declares aws:ec2:instance (output ip) and aws:vpc:subnet (no outputs at all). */
  private static final class AwsTypes implements Provider {
    @Override
    public String name() {
      return "aws";
    }

    @Override
    public List<ResourceType> resourceTypes() {
      return List.of(
          type("aws:ec2:instance", Map.of("ip", "the private address")),
          type("aws:vpc:subnet", Map.of()));
    }

    @Override
    public Map<String, LiveResource> read(ResourceType type, List<ReadRequest> resources) {
      return Map.of();
    }

    @Override
    public List<ChangeResult> apply(List<Change> batch) {
      throw new UnsupportedOperationException();
    }
  }

  private static List<String> problems(String resources) {
    ProviderRegistry registry =
        new ProviderRegistry().register("core", new CoreProvider()).register("aws", new AwsTypes());
    String yaml =
        "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: seed}\nspec:\n  resources:\n"
            + resources;
    return DeploymentValidator.validate(DeploymentLoader.read(yaml, "seed.yaml"), registry).stream()
        .map(Diagnostic::format)
        .toList();
  }

  @Test
  void theSeedsHeadlineFormsValidate() {
    assertThat(
            problems(
                """
                    - type: aws:vpc:subnet
                      name: subnet
                    - type: aws:ec2:instance
                      name: app-1
                      properties: {instanceType: t3.medium, ami: ami-12345, subnet: "${aws:vpc:subnet.id}"}
                    - type: aws:ec2:instance
                      name: app-2
                      properties: {subnet: "${aws:vpc:subnet.id}"}
                    - type: core:data
                      name: backend
                      properties: {input: ["${aws:ec2:app-1.ip}", "${aws:ec2:app-2.ip}", "${aws:ec2:instance:app-1.id}", "${app-2.id}"]}
                """))
        .isEmpty();
  }

  @Test
  void aQualifierMustMatchTheResourcesType() {
    assertThat(
            problems(
                """
                    - type: aws:ec2:instance
                      name: app-1
                    - type: core:data
                      name: backend
                      properties: {input: "${aws:rds:app-1.ip} ${aws:ec:app-1.ip}"}
                """))
        .hasSize(2)
        .allSatisfy(m -> assertThat(m).contains("but 'app-1' is a 'aws:ec2:instance'"));
  }

  @Test
  void idIsAnAttributeOfEveryType() {
    assertThat(
            problems(
                """
                    - type: aws:vpc:subnet
                      name: subnet
                    - type: core:data
                      name: x
                      properties: {input: "${subnet.id} ${subnet.nothing}"}
                """))
        .singleElement()
        .satisfies(m -> assertThat(m).contains("no property or output 'nothing'", "it has: id"));
  }
}
