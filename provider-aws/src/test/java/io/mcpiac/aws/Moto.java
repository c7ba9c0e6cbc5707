package io.mcpiac.aws;

import static org.junit.jupiter.api.Assertions.fail;

import io.mcpiac.aws.resources.AwsTags;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The Moto server {@code scripts/start-moto.sh} started ({@code MCP_IAC_MOTO_ENDPOINT}, else the
 * endpoint the script recorded). Tests are skipped without one, or fail when {@code
 * MCP_IAC_REQUIRE_MOTO=1} (CI). Its own clients are how a test looks at Moto's side and changes
 * objects behind the provider's back, as an operator with the AWS CLI would.
 */
final class Moto implements AutoCloseable {
  static final String REGION = "us-east-1";

  /** An AMI of Moto's built-in catalogue (Ubuntu 14.04), valid with AMI validation on. */
  static final String AMI = "ami-1e749f67";

  final String endpoint;
  final Ec2Client ec2;
  final RdsClient rds;

  static {
    useTestCredentials();
  }

  /**
   * Credentials for the SDK's default chain, which reads these system properties: the provider
   * under test finds credentials as a user's would.
   */
  static void useTestCredentials() {
    if (System.getProperty("aws.accessKeyId") == null) {
      System.setProperty("aws.accessKeyId", "testing");
      System.setProperty("aws.secretAccessKey", "testing");
    }
  }

  private Moto(String endpoint) {
    this.endpoint = endpoint;
    var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    var http = UrlConnectionHttpClient.builder().build();
    ec2 =
        Ec2Client.builder()
            .endpointOverride(URI.create(endpoint))
            .region(Region.US_EAST_1)
            .credentialsProvider(creds)
            .httpClient(http)
            .build();
    rds =
        RdsClient.builder()
            .endpointOverride(URI.create(endpoint))
            .region(Region.US_EAST_1)
            .credentialsProvider(creds)
            .httpClient(http)
            .build();
  }

  static Moto require() {
    String endpoint = System.getenv("MCP_IAC_MOTO_ENDPOINT");
    Path recorded = Path.of("/tmp/mcp-iac-moto/endpoint");
    try {
      if ((endpoint == null || endpoint.isBlank()) && Files.exists(recorded)) {
        endpoint = Files.readString(recorded).trim();
      }
    } catch (java.io.IOException ignored) {
      endpoint = null;
    }
    String problem = null;
    if (endpoint == null || endpoint.isBlank()) {
      problem = "no Moto endpoint (MCP_IAC_MOTO_ENDPOINT)";
    } else {
      try {
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(endpoint + "/moto-api/"))
                    .timeout(Duration.ofSeconds(3))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
      } catch (Exception e) {
        problem = "Moto does not answer at " + endpoint + " (" + e + ")";
      }
    }
    if (problem != null) {
      String message = problem + "; run `source scripts/start-moto.sh` first";
      if ("1".equals(System.getenv("MCP_IAC_REQUIRE_MOTO"))) {
        fail("MCP_IAC_REQUIRE_MOTO=1 but " + message);
      }
      Assumptions.abort("skipped: " + message);
    }
    return new Moto(endpoint);
  }

  software.amazon.awssdk.services.s3.S3Client s3() {
    return software.amazon.awssdk.services.s3.S3Client.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .build();
  }

  software.amazon.awssdk.services.iam.IamClient iam() {
    return software.amazon.awssdk.services.iam.IamClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.AWS_GLOBAL)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .build();
  }

  /** An EC2 client of another region, to look at what an {@code aws/eu} instance made. */
  Ec2Client ec2(String region) {
    return Ec2Client.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.of(region))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .build();
  }

  /** A provider instance on Moto serving {@code deployment}. */
  AwsProvider provider(String deployment) {
    return new AwsProvider(
        new AwsSettings(endpoint, REGION, null, Duration.ofSeconds(60), Duration.ofMillis(50)),
        deployment);
  }

  /** The instances (not terminated) tagged with our id {@code id}. */
  List<Instance> instances(String tagKey, String value) {
    return ec2
        .describeInstances(
            b ->
                b.filters(
                    Filter.builder().name("tag:" + tagKey).values(value).build(),
                    Filter.builder()
                        .name("instance-state-name")
                        .values("pending", "running", "stopping", "stopped")
                        .build()))
        .reservations()
        .stream()
        .map(Reservation::instances)
        .flatMap(List::stream)
        .toList();
  }

  /**
   * Whether this Moto keeps a DB subnet group through {@code ModifyDBSubnetGroup}: Moto 5.1.1 (and
   * 5.2.1) pops the group from its table on a modify and never puts it back, so a modified group is
   * gone (AWS keeps it). Found out once with a throwaway group over {@code subnetId}.
   */
  boolean keepsModifiedSubnetGroups(String subnetId) {
    String name = "mcp-iac-probe-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    rds.createDBSubnetGroup(
        b -> b.dbSubnetGroupName(name).dbSubnetGroupDescription("probe").subnetIds(subnetId));
    rds.modifyDBSubnetGroup(
        b -> b.dbSubnetGroupName(name).dbSubnetGroupDescription("probe").subnetIds(subnetId));
    boolean kept =
        rds.describeDBSubnetGroups().dbSubnetGroups().stream()
            .anyMatch(g -> g.dbSubnetGroupName().equals(name));
    if (kept) {
      rds.deleteDBSubnetGroup(b -> b.dbSubnetGroupName(name));
    }
    return kept;
  }

  static Filter deploymentFilter(String deployment) {
    return Filter.builder().name("tag:" + AwsTags.DEPLOYMENT).values(deployment).build();
  }

  @Override
  public void close() {
    ec2.close();
    rds.close();
  }
}
