package io.mcpiac.cli.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.docker.client.DockerConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * {@code examples/customer-portal}, the platform seed's full-stack example, through the
 * orchestrator with three provider servers, each a process of its own: OPNsense over HTTP against
 * the emulator, AWS over stdio against Moto ({@code scripts/start-moto.sh}), Docker over stdio
 * against the real engine ({@code scripts/start-docker.sh}). The orchestrator runs from a directory
 * above the example, as a user at the repository's root does. Everything is checked on the systems'
 * side: the emulator's objects and pending state, Moto's describe calls, Docker's images.
 *
 * <p>Moto is laxer than AWS (ARCHITECTURE.md, TEST-ENGINES.md): instances are running and the
 * database available at once, and RDS has no database behind its endpoint. This test relies on none
 * of it beyond what Moto reports; it checks the order of things only through references (an
 * instance's address reaches the HAProxy backend).
 *
 * <p>Skipped without Docker or Moto unless {@code MCP_IAC_REQUIRE_DOCKER=1} / {@code
 * MCP_IAC_REQUIRE_MOTO=1} (CI sets both).
 */
class CustomerPortalExampleTest {
  static final String FILE = "examples/customer-portal/deployment.yaml";

  @TempDir Path dir;
  FirewallAndAppServers firewall;
  DockerConnection docker;
  Ec2Client ec2;
  RdsClient rds;
  String motoEndpoint;

  /** Tags every AWS object and labels the image (the example's {@code project} variable). */
  final String project = "portal-" + UUID.randomUUID();

  @BeforeEach
  void start() throws Exception {
    docker = OrchestratedWebExampleTest.requireDocker();
    motoEndpoint = requireMoto();
    var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    ec2 = moto(Ec2Client.builder(), creds).build();
    rds = moto(RdsClient.builder(), creds).build();
    copyExample();
    String aws = Processes.stdioServer("aws", dir.resolve("aws.db"));
    String dockerServer = Processes.stdioServer("docker", dir.resolve("docker.db"));
    firewall = new FirewallAndAppServers(dir, List.of(aws, dockerServer), false);
  }

  @AfterEach
  void stop() {
    if (firewall != null) {
      firewall.close();
    }
    if (docker != null) {
      // whatever a failed assertion left behind
      images().forEach(id -> docker.client().removeImageCmd(id).withForce(true).exec());
      docker.close();
    }
    if (ec2 != null) {
      List<String> left = instances().stream().map(Instance::instanceId).toList();
      if (!left.isEmpty()) {
        ec2.terminateInstances(r -> r.instanceIds(left));
      }
      ec2.close();
    }
    if (rds != null) {
      databases()
          .forEach(
              db ->
                  rds.deleteDBInstance(
                      r ->
                          r.dbInstanceIdentifier(db.dbInstanceIdentifier())
                              .skipFinalSnapshot(true)));
      rds.close();
    }
  }

  /** An AWS client of Moto, with fixed credentials and region. */
  <
          B extends
              software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
                  & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, ?>>
      B moto(B builder, StaticCredentialsProvider creds) {
    return builder
        .endpointOverride(URI.create(motoEndpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(creds)
        .httpClient(UrlConnectionHttpClient.builder().build());
  }

  static String requireMoto() throws Exception {
    String endpoint = System.getenv("MCP_IAC_MOTO_ENDPOINT");
    Path recorded = Path.of("/tmp/mcp-iac-moto/endpoint");
    if ((endpoint == null || endpoint.isBlank()) && Files.exists(recorded)) {
      endpoint = Files.readString(recorded).trim();
    }
    String problem = null;
    if (endpoint == null || endpoint.isBlank()) {
      problem = "no Moto endpoint (MCP_IAC_MOTO_ENDPOINT)";
    } else {
      try {
        var http = java.net.http.HttpClient.newHttpClient();
        http.send(
            java.net.http.HttpRequest.newBuilder(URI.create(endpoint + "/moto-api/")).build(),
            java.net.http.HttpResponse.BodyHandlers.discarding());
        return endpoint;
      } catch (java.io.IOException e) {
        problem = "Moto does not answer at " + endpoint + " (" + e + ")";
      }
    }
    String message = problem + "; run `source scripts/start-moto.sh` first";
    if ("1".equals(System.getenv("MCP_IAC_REQUIRE_MOTO"))) {
      fail("MCP_IAC_REQUIRE_MOTO=1 but " + message);
    }
    Assumptions.abort("skipped: " + message);
    return null;
  }

  /** The example as it is in the repository, under {@code dir/examples/customer-portal}. */
  void copyExample() throws Exception {
    Path from = Path.of("../examples/customer-portal");
    Path to = dir.resolve("examples/customer-portal");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  /** {@code mcp-iac ARGS --servers … --state …} from {@code dir}, with the example's variables. */
  Processes.Run orchestrate(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    if (!args[0].equals("destroy")) {
      all.addAll(
          List.of(
              "--var",
              "vlanParent=igb2", // the emulator's devices are igb0-igb3
              "--var",
              "baseImage=" + OrchestratedWebExampleTest.BUSYBOX, // nothing can be pulled here
              "--var",
              "project=" + project));
    }
    all.addAll(
        List.of(
            "--servers",
            firewall.servers.toString(),
            "--state",
            "sqlite:" + dir.resolve("orch.db")));
    Map<String, String> env = new HashMap<>(firewall.env());
    env.put("AWS_ENDPOINT_URL", motoEndpoint);
    env.put("AWS_ACCESS_KEY_ID", "testing");
    env.put("AWS_SECRET_ACCESS_KEY", "testing");
    env.put("AWS_REGION", "us-east-1");
    env.put("MCP_IAC_VAR_dbPassword", "portal-db-secret-1");
    return Processes.run(dir, all, env);
  }

  // ---- what each system really has ----

  List<JsonNode> vlans() throws Exception {
    return firewall.rows("/api/interfaces/vlan_settings/searchItem");
  }

  List<JsonNode> rules() throws Exception {
    return firewall.rows("/api/firewall/filter/searchRule");
  }

  /** Whether the firewall has written changes it has not applied (its pending state). */
  Set<String> dirty() throws Exception {
    Set<String> out = new TreeSet<>();
    firewall
        .emulatorApi("GET", "/__emulator/state", null)
        .path("dirty")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().asBoolean()) {
                out.add(e.getKey());
              }
            });
    return out;
  }

  Filter ours() {
    return Filter.builder().name("tag:project").values(project).build();
  }

  /** This run's instances that are not terminated (Moto keeps terminated ones for a while). */
  List<Instance> instances() {
    return ec2.describeInstances(r -> r.filters(ours())).reservations().stream()
        .flatMap(r -> r.instances().stream())
        .filter(i -> !i.state().nameAsString().equals("terminated"))
        .toList();
  }

  List<String> vpcs() {
    return ec2.describeVpcs(r -> r.filters(ours())).vpcs().stream()
        .map(v -> v.vpcId() + " " + v.cidrBlock())
        .toList();
  }

  List<String> subnets() {
    return ec2.describeSubnets(r -> r.filters(ours())).subnets().stream()
        .map(s -> s.subnetId() + " " + s.cidrBlock())
        .toList();
  }

  List<DBInstance> databases() {
    return rds.describeDBInstances().dbInstances().stream()
        .filter(
            db ->
                db.tagList().stream()
                    .anyMatch(t -> t.key().equals("project") && t.value().equals(project)))
        .toList();
  }

  /** This run's DB subnet groups (RDS lists no tags with them: asked per group). */
  List<String> subnetGroups() {
    return rds.describeDBSubnetGroups().dbSubnetGroups().stream()
        .filter(
            g ->
                rds
                    .listTagsForResource(r -> r.resourceName(g.dbSubnetGroupArn()))
                    .tagList()
                    .stream()
                    .anyMatch(t -> t.key().equals("project") && t.value().equals(project)))
        .map(g -> g.dbSubnetGroupName())
        .toList();
  }

  List<String> images() {
    return docker
        .client()
        .listImagesCmd()
        .withLabelFilter(Map.of("project", project))
        .exec()
        .stream()
        .map(i -> i.getId())
        .toList();
  }

  void nothingAnywhere() throws Exception {
    assertThat(vlans()).as("VLANs on the firewall").isEmpty();
    assertThat(rules()).as("rules on the firewall").isEmpty();
    assertThat(firewall.haproxy("Backends")).as("HAProxy backends").isEmpty();
    assertThat(firewall.haproxy("Frontends")).as("HAProxy frontends").isEmpty();
    assertThat(firewall.haproxy("Servers")).as("HAProxy servers").isEmpty();
    assertThat(dirty()).as("changes the firewall has not applied").isEmpty();
    assertThat(instances()).as("EC2 instances").isEmpty();
    assertThat(subnets()).as("subnets").isEmpty();
    assertThat(vpcs()).as("VPCs").isEmpty();
    assertThat(databases()).as("RDS instances").isEmpty();
    assertThat(subnetGroups()).as("DB subnet groups").isEmpty();
    assertThat(images()).as("Docker images").isEmpty();
  }

  @Test
  void theSeedsExampleRunsAcrossTheFirewallAwsAndDocker() throws Exception {
    // plan: everything to create, nothing touched
    Processes.Run plan = orchestrate("plan", "-f", FILE, "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.stdout())
        .contains("opnsense:network:vlan app-network")
        .contains("aws:ec2:instance app-1")
        .contains("aws:rds:instance app-db")
        .contains("docker:image:build app-image")
        .doesNotContain("portal-db-secret-1");
    nothingAnywhere();

    // a failure on one server (the firewall refuses the rule, the last action of the graph)
    // after the AWS instances, the database and the image exist: all three are rolled back
    firewall.emulatorApi(
        "POST",
        "/__emulator/faults",
        "{\"failPaths\":[\"/api/firewall/filter/setRule\",\"/api/firewall/filter/addRule\"]}");
    Processes.Run failed = orchestrate("apply", "-f", FILE, "--yes", "--json");
    assertThat(failed.exit()).as(failed.toString()).isEqualTo(1);
    assertThat(failed.json().path("rolledBack").asBoolean()).as(failed.toString()).isTrue();
    assertThat(completed(failed))
        .as("done before the failure, on all three servers")
        .contains("app-1", "app-2", "app-db", "app-image", "app-backend", "haproxy");
    Set<String> undone = new TreeSet<>();
    for (JsonNode u : failed.json().path("rollback")) {
      assertThat(u.path("success").asBoolean()).as(u.toString()).isTrue();
      undone.add(u.path("type").asText().split(":")[0] + " " + u.path("resource").asText());
    }
    assertThat(undone)
        .as("undone on each server")
        .contains(
            "aws vpc",
            "aws subnet",
            "aws app-db-subnets",
            "aws app-1",
            "aws app-2",
            "aws app-db",
            "docker app-image",
            "opnsense app-network",
            "opnsense app-backend",
            "opnsense haproxy");
    firewall.emulatorApi("DELETE", "/__emulator/faults", null);
    nothingAnywhere();

    // apply
    Processes.Run applied = orchestrate("apply", "-f", FILE, "--yes", "--json");
    assertThat(applied.exit()).as(applied.toString()).isZero();

    List<Instance> instances = instances();
    assertThat(instances).hasSize(2);
    assertThat(instances).allMatch(i -> i.state().nameAsString().equals("running"));
    List<String> subnets = subnets();
    assertThat(subnets).hasSize(3);
    String subnetId =
        subnets.stream()
            .filter(s -> s.endsWith(" 10.150.1.0/24"))
            .findFirst()
            .orElseThrow()
            .split(" ")[0];
    String vpc = vpcs().get(0);
    assertThat(vpcs()).singleElement().asString().endsWith(" 10.150.0.0/16");
    assertThat(instances).allMatch(i -> i.subnetId().equals(subnetId));
    assertThat(instances).allMatch(i -> i.instanceTypeAsString().equals("t3.medium"));
    Set<String> privateIps =
        instances.stream().map(Instance::privateIpAddress).collect(Collectors.toSet());
    assertThat(databases())
        .singleElement()
        .satisfies(
            db -> {
              assertThat(db.engine()).isEqualTo("postgres");
              assertThat(db.dbInstanceClass()).isEqualTo("db.t3.micro");
              assertThat(db.dbInstanceStatus()).isEqualTo("available");
              // in the example's own VPC, over its two database subnets
              assertThat(db.dbSubnetGroup().vpcId()).isEqualTo(vpc.split(" ")[0]);
              assertThat(
                      db.dbSubnetGroup().subnets().stream()
                          .map(sn -> sn.subnetIdentifier())
                          .collect(Collectors.toSet()))
                  .isEqualTo(
                      subnets.stream()
                          .filter(sn -> sn.contains(" 10.150.1"))
                          .filter(sn -> !sn.endsWith(" 10.150.1.0/24"))
                          .map(sn -> sn.split(" ")[0])
                          .collect(Collectors.toSet()));
            });

    assertThat(vlans())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path("tag").asText()).isEqualTo("150");
              assertThat(v.path("if").asText()).contains("igb2");
            });
    JsonNode backend = firewall.haproxy("Backends").get("app-backend");
    assertThat(backend).as("backend app-backend").isNotNull();
    // the backend's servers are the two instances' private addresses, from the AWS server
    assertThat(
            firewall.haproxy("Servers").values().stream()
                .map(s -> s.path("address").asText())
                .collect(Collectors.toSet()))
        .isEqualTo(privateIps);
    JsonNode frontend = firewall.haproxy("Frontends").get("haproxy");
    assertThat(frontend.path("bind").asText()).isEqualTo("203.0.113.10:443");
    assertThat(rules())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path("destination_net").asText()).isEqualTo("203.0.113.10");
              assertThat(r.path("destination_port").asText()).isEqualTo("443");
              assertThat(r.path("action").asText()).containsIgnoringCase("pass");
            });
    assertThat(dirty()).as("changes the firewall has not applied").isEmpty();

    List<String> images = images();
    assertThat(images).hasSize(1);
    assertThat(docker.client().inspectImageCmd(images.get(0)).exec().getRepoTags())
        .containsExactly(project + "/app:latest");

    // a second plan: nothing to do
    Processes.Run again = orchestrate("plan", "-f", FILE, "--detailed-exitcode");
    assertThat(again.exit()).as(again.toString()).isZero();

    editOneInstanceOnly();

    // destroy leaves nothing on any of them
    Processes.Run destroyed = orchestrate("destroy", "customer-portal", "--yes");
    assertThat(destroyed.exit()).as(destroyed.toString()).isZero();
    nothingAnywhere();
  }

  /**
   * A later run that changes only app-1's instance type: the AWS server receives its whole part
   * again, app-db included, whose password it answers masked. The run restates it with the password
   * its own variable gives, so the apply succeeds and leaves the database as it is.
   */
  void editOneInstanceOnly() throws Exception {
    String app1 = awsServerRecord("app-1").outputs().path("id").asText(); // the instance id
    DBInstance db = databases().get(0);
    var recordedDb = awsServerRecord("app-db");
    Path file = dir.resolve(FILE);
    String yaml = Files.readString(file);
    String edited =
        yaml.replaceFirst(
            "(name: app-1\\n\\s+properties:\\n\\s+instanceType: )t3.medium", "$1t3.large");
    assertThat(edited).isNotEqualTo(yaml);
    Files.writeString(file, edited);

    Processes.Run applied = orchestrate("apply", "-f", FILE, "--yes", "--json");

    assertThat(applied.exit()).as(applied.toString()).isZero();
    assertThat(completed(applied)).contains("app-1").doesNotContain("app-db", "app-2");
    Map<String, String> types =
        instances().stream()
            .collect(Collectors.toMap(Instance::instanceId, Instance::instanceTypeAsString));
    assertThat(types).hasSize(2).containsEntry(app1, "t3.large");
    assertThat(types.values()).containsExactlyInAnyOrder("t3.large", "t3.medium");
    assertThat(databases())
        .singleElement()
        .satisfies(
            now -> {
              assertThat(now.dbInstanceIdentifier()).isEqualTo(db.dbInstanceIdentifier());
              assertThat(now.instanceCreateTime()).isEqualTo(db.instanceCreateTime());
              assertThat(now.dbInstanceStatus()).isEqualTo("available");
            });
    assertThat(awsServerRecord("app-db")).isEqualTo(recordedDb);
    for (String db2 : List.of("orch.db", "aws.db")) {
      assertThat(
              new String(
                  Files.readAllBytes(dir.resolve(db2)),
                  java.nio.charset.StandardCharsets.ISO_8859_1))
          .as(db2)
          .doesNotContain("portal-db-secret-1");
    }
    assertThat(applied.stdout() + applied.stderr()).doesNotContain("portal-db-secret-1");
    Processes.Run again = orchestrate("plan", "-f", FILE, "--detailed-exitcode");
    assertThat(again.exit()).as(again.toString()).isZero();
  }

  /** The AWS server's own record of one resource of its part. */
  io.mcpiac.engine.states.ResourceRecord awsServerRecord(String name) {
    return firewall.serverState("aws.db").resources().get(name);
  }

  /** The resources an apply's JSON lines report as completed. */
  static Set<String> completed(Processes.Run run) {
    Set<String> out = new TreeSet<>();
    for (String line : run.stdout().split("\n")) {
      if (line.startsWith("{")) {
        JsonNode n = io.mcpiac.engine.json.Json.parse(line);
        if (n.path("status").asText().equals("complete")) {
          out.add(n.path("resource").asText());
        }
      }
    }
    return out;
  }
}
