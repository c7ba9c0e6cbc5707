package io.mcpiac.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpiac.aws.resources.AwsTags;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.config.Diagnostic;
import io.mcpiac.engine.execution.ActionResult;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderContext;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.ProviderFactory;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * The provider as a user meets it: found by the CLI without loading the SDK, bad files refused
 * before any call with file, line, resource and property, AWS's own error code and message on a
 * refused change, an unreachable endpoint named, and two instances of the provider ({@code aws},
 * {@code aws/eu}) working in two regions in one deployment.
 */
class AwsProviderTest {
  @TempDir Path dir;

  private static ProviderFactory factory() {
    return ServiceLoader.load(ProviderFactory.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(f -> f.name().equals("aws"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theFactoryIsFoundThroughServiceLoaderAndLoadsNoSdkClass() throws Exception {
    assertThat(factory()).isInstanceOf(AwsProviderFactory.class);
    // every CLI start loads the factory: its class files must not name the SDK
    for (Class<?> c : List.of(AwsProviderFactory.class, AwsSettings.class)) {
      try (InputStream in = c.getResourceAsStream("/" + c.getName().replace('.', '/') + ".class")) {
        String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as(c.getSimpleName()).doesNotContain("software/amazon");
      }
    }
    assertThat(factory().settingsSchema().path("properties").has("endpoint")).isTrue();
  }

  @Test
  void aBadFileIsRefusedWithFileLineResourceAndPropertyBeforeAnyCall() {
    String yaml =
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: bad}
        spec:
          providers:
            aws: {endpoint: "http://127.0.0.1:1", region: us-east-1}
          resources:
            - type: aws:ec2:instance
              name: app-1
              properties: {ami: ami-1, instanceTyp: t3.micro, subnet: subnet-1, subnetId: subnet-1}
            - type: aws:rds:instance
              name: app-db
              properties: {engine: postgres, instanceClass: db.t3.micro, username: app}
            - type: aws:ec2:security-group
              name: web
              properties:
                ingress: [{fromPort: 443, toPort: 443, cidrBlocks: [0.0.0.0/0]}]
            - type: aws:rds:subnet-group
              name: db-subnets
              properties: {name: default, subnetIds: [subnet-1, subnet-2]}
            - type: aws:rds:subnet-group
              name: Db-Subnets
              properties: {name: "db/subnets", subnetIds: []}
        """;
    Deployment d = DeploymentLoader.load(yaml, "bad.yaml");
    try (ProviderRegistry registry = new ProviderRegistry()) {
      registry.register(
          "aws",
          factory().create("aws", d.providers().get("aws"), new ProviderContext("bad", dir)));
      List<String> problems =
          DeploymentValidator.validate(d, registry).stream().map(Diagnostic::format).toList();
      assertThat(problems)
          .anySatisfy(
              p ->
                  assertThat(p)
                      .startsWith(
                          "bad.yaml:10: resource 'app-1', property 'properties.instanceTyp'")
                      .contains("did you mean 'instanceType'?"))
          .anySatisfy(
              p -> assertThat(p).contains("resource 'app-1'").contains("subnetId or its alias"))
          .anySatisfy(
              p ->
                  assertThat(p)
                      .startsWith("bad.yaml:11: resource 'app-db'")
                      .contains("password")
                      .contains("required"))
          .anySatisfy(p -> assertThat(p).contains("resource 'web'").contains("protocol"))
          // AWS refuses the name "default", a '/' in a name, and no subnets
          .anySatisfy(
              p ->
                  assertThat(p)
                      .startsWith("bad.yaml:20: resource 'db-subnets', property 'properties.name'")
                      .contains("default"))
          .anySatisfy(
              p ->
                  assertThat(p)
                      .startsWith("bad.yaml:23: resource 'Db-Subnets', property 'properties.name'"))
          .anySatisfy(
              p ->
                  assertThat(p)
                      .startsWith(
                          "bad.yaml:23: resource 'Db-Subnets', property 'properties.subnetIds'"));
    }
  }

  @Test
  void anUnreachableEndpointIsNamedWithWhatToCheck() {
    Moto.useTestCredentials(); // credentials present: what fails is the endpoint
    var provider =
        factory()
            .create(
                "aws",
                Json.parseObject(
                    "{\"endpoint\": \"http://127.0.0.1:1\", \"region\": \"us-east-1\"}"));
    try (provider) {
      assertThatThrownBy(provider::probe)
          .isInstanceOf(ProviderException.class)
          .hasMessageContaining("http://127.0.0.1:1")
          .hasMessageContaining("AWS_ENDPOINT_URL");
    }
  }

  @Test
  void aRefusedChangeKeepsAwsCodeAndMessageAndNamesTheResource() {
    Moto moto = Moto.require();
    String deployment = "aws-refused-" + UUID.randomUUID().toString().substring(0, 8);
    try (moto;
        AwsProvider provider = moto.provider(deployment);
        StateStore store = StateStores.open("sqlite:" + dir.resolve("state.db"))) {
      Engine engine = engine(store, "aws", provider);
      String yaml =
          """
          apiVersion: iac.mcp/v1
          kind: Deployment
          metadata: {name: %s}
          spec:
            resources:
              - type: aws:ec2:instance
                name: app-1
                properties: {ami: ami-00000000, instanceType: t3.micro}
          """
              .formatted(deployment);
      Deployment d = DeploymentLoader.load(yaml, "refused.yaml");
      DeploymentValidator.requireValid(d, engine.registry());
      ExecutionResult r =
          engine.apply(engine.plan(d), ExecutionOptions.DEFAULTS, e -> {}, new Cancellation());
      assertThat(r.success()).isFalse();
      ActionResult app = r.results().get(0);
      assertThat(app.status()).isEqualTo(ActionResult.Status.FAILED);
      // Moto checks AMIs only with MOTO_ENABLE_AMI_VALIDATION=true, as start-moto.sh runs it
      assertThat(app.error())
          .contains("aws:ec2:instance 'app-1'")
          .contains("InvalidAMIID.NotFound")
          .contains("ami-00000000");
      assertThat(moto.instances(AwsTags.DEPLOYMENT, deployment)).isEmpty();
      assertThat(engine.state(deployment).resources()).isEmpty();
    }
  }

  @Test
  void aCreateWhoseRuleIsRefusedLeavesNoGroupBehind() {
    Moto moto = Moto.require();
    String deployment = "aws-partial-" + UUID.randomUUID().toString().substring(0, 8);
    try (moto;
        AwsProvider provider = moto.provider(deployment);
        StateStore store = StateStores.open("sqlite:" + dir.resolve("state.db"))) {
      Engine engine = engine(store, "aws", provider);
      String yaml =
          """
          apiVersion: iac.mcp/v1
          kind: Deployment
          metadata: {name: %s}
          spec:
            resources:
              - type: aws:ec2:security-group
                name: web
                properties:
                  name: %s-web
                  ingress: [{protocol: tcp, fromPort: 443, toPort: 443, securityGroups: [sg-00000000000000000]}]
          """
              .formatted(deployment, deployment);
      Deployment d = DeploymentLoader.load(yaml, "partial.yaml");
      DeploymentValidator.requireValid(d, engine.registry());
      ExecutionResult r =
          engine.apply(engine.plan(d), ExecutionOptions.DEFAULTS, e -> {}, new Cancellation());
      assertThat(r.success()).isFalse();
      assertThat(r.results().get(0).error())
          .contains("aws:ec2:security-group 'web'")
          .contains("InvalidGroup.NotFound");
      // the group was made before its rule was refused: it is gone again, so a second apply
      // (with the rule fixed) does not meet a group of the same name
      assertThat(
              moto.ec2
                  .describeSecurityGroups(b -> b.filters(Moto.deploymentFilter(deployment)))
                  .securityGroups())
          .isEmpty();
      assertThat(engine.state(deployment).resources()).isEmpty();
    }
  }

  @Test
  void twoInstancesOfTheProviderWorkInTwoRegions() {
    Moto moto = Moto.require();
    String deployment = "aws-regions-" + UUID.randomUUID().toString().substring(0, 8);
    String yaml =
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: %s}
        spec:
          providers:
            aws: {endpoint: "%s", region: us-east-1, pollMs: 50}
            aws/eu: {endpoint: "%s", region: eu-west-1, pollMs: 50}
          resources:
            - type: aws:vpc:vpc
              name: us
              properties: {cidrBlock: 10.50.0.0/16}
            - type: aws:vpc:vpc
              name: eu
              provider: aws/eu
              properties: {cidrBlock: 10.51.0.0/16}
            - type: aws:vpc:subnet
              name: eu-subnet
              provider: aws/eu
              properties: {vpcId: "${eu.id}", cidrBlock: 10.51.1.0/24}
        """
            .formatted(deployment, moto.endpoint, moto.endpoint);
    Deployment d = DeploymentLoader.load(yaml, "regions.yaml");
    ProviderContext context = new ProviderContext(deployment, dir);
    try (moto;
        Ec2Client eu = moto.ec2("eu-west-1");
        StateStore store = StateStores.open("sqlite:" + dir.resolve("state.db"))) {
      ProviderRegistry registry = new ProviderRegistry();
      registry.register(CoreProvider.NAME, new CoreProvider());
      registry.register("aws", factory().create("aws", d.providers().get("aws"), context));
      registry.register("aws/eu", factory().create("aws/eu", d.providers().get("aws/eu"), context));
      Engine engine = new Engine(registry, store);
      DeploymentValidator.requireValid(d, registry);
      ExecutionResult r =
          engine.apply(engine.plan(d), ExecutionOptions.DEFAULTS, e -> {}, new Cancellation());
      assertThat(r.success()).as(String.valueOf(r.error())).isTrue();

      List<Vpc> inUs =
          moto.ec2.describeVpcs(b -> b.filters(Moto.deploymentFilter(deployment))).vpcs();
      List<Vpc> inEu = eu.describeVpcs(b -> b.filters(Moto.deploymentFilter(deployment))).vpcs();
      assertThat(inUs).extracting(Vpc::cidrBlock).containsExactly("10.50.0.0/16");
      assertThat(inEu).extracting(Vpc::cidrBlock).containsExactly("10.51.0.0/16");
      assertThat(eu.describeSubnets(b -> b.filters(Moto.deploymentFilter(deployment))).subnets())
          .singleElement()
          .satisfies(s -> assertThat(s.availabilityZone()).startsWith("eu-west-1"));
      assertThat(engine.plan(d).hasChanges()).isFalse();

      Engine.Applied destroyed =
          engine.destroy(
              deployment, ExecutionOptions.DEFAULTS, p -> true, e -> {}, new Cancellation());
      assertThat(destroyed.result().success()).isTrue();
      assertThat(eu.describeVpcs(b -> b.filters(Moto.deploymentFilter(deployment))).vpcs())
          .isEmpty();
      assertThat(moto.ec2.describeVpcs(b -> b.filters(Moto.deploymentFilter(deployment))).vpcs())
          .isEmpty();
      registry.close();
    }
  }

  private static Engine engine(StateStore store, String instance, AwsProvider provider) {
    ProviderRegistry registry = new ProviderRegistry();
    registry.register(CoreProvider.NAME, new CoreProvider());
    registry.register(instance, provider);
    return new Engine(registry, store);
  }
}
