package io.mcpiac.aws.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.aws.client.AwsClients;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.kit.Props;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.ec2.model.VpcState;

/**
 * {@code aws:vpc:vpc}, Pulumi's {@code aws.ec2.Vpc}: the CIDR block and tenancy force a new VPC (as
 * in Terraform); the DNS switches and tags change in place. The DNS switches are VPC attributes,
 * not part of the describe: a read costs one describe for all VPCs plus two attribute calls per
 * VPC.
 */
public final class VpcResource extends Ec2Handler<Vpc> {
  public static final String TYPE = "aws:vpc:vpc";
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private static final io.mcpiac.engine.resources.ResourceType DEFINITION =
      new io.mcpiac.engine.resources.ResourceType(
          TYPE,
          "A VPC. Subnets, gateways and security groups refer to it with ${NAME.id}.",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "required": ["cidrBlock"],
                "properties": {
                  "cidrBlock": {"type": "string", "examples": ["10.0.0.0/16"], "pattern": "^[0-9]{1,3}(\\\\.[0-9]{1,3}){3}/[0-9]{1,2}$",
                                "description": "IPv4 range, e.g. 10.0.0.0/16 (a change makes a new VPC)."},
                  "instanceTenancy": {"enum": ["default", "dedicated"], "default": "default",
                                      "description": "Tenancy of instances launched into it (a change makes a new VPC)."},
                  "enableDnsSupport": {"type": "boolean", "default": true},
                  "enableDnsHostnames": {"type": "boolean", "default": false},
                  "tags": {"type": "object", "additionalProperties": {"type": "string"}, "default": {}}
                }
              }
              """),
          Set.of("cidrBlock", "instanceTenancy"),
          Set.of(),
          Map.of("id", "the VPC's id (vpc-…)", "ownerId", "the owning account"),
          true);

  private final Duration timeout;

  public VpcResource(AwsTags tags, Waiter waiter, Duration timeout) {
    super(tags, waiter);
    this.timeout = timeout != null ? timeout : TIMEOUT;
  }

  @Override
  public io.mcpiac.engine.resources.ResourceType type() {
    return DEFINITION;
  }

  @Override
  protected List<Vpc> describe(Ec2Client ec2, List<Filter> filters) {
    return ec2
        .describeVpcsPaginator(DescribeVpcsRequest.builder().filters(filters).build())
        .vpcs()
        .stream()
        .toList();
  }

  @Override
  protected List<Tag> tagsOf(Vpc vpc) {
    return vpc.tags();
  }

  @Override
  protected ResourceType tagType() {
    return ResourceType.VPC;
  }

  @Override
  protected ObjectNode properties(Ec2Client ec2, Vpc vpc, ObjectNode recorded) {
    ObjectNode p = Json.object();
    p.put("cidrBlock", vpc.cidrBlock());
    p.put("instanceTenancy", vpc.instanceTenancyAsString());
    p.put("enableDnsSupport", attribute(ec2, vpc.vpcId(), VpcAttributeName.ENABLE_DNS_SUPPORT));
    p.put("enableDnsHostnames", attribute(ec2, vpc.vpcId(), VpcAttributeName.ENABLE_DNS_HOSTNAMES));
    p.set("tags", reportedTags(vpc.tags(), recorded));
    return p;
  }

  private static boolean attribute(Ec2Client ec2, String vpcId, VpcAttributeName name) {
    var r = ec2.describeVpcAttribute(b -> b.vpcId(vpcId).attribute(name));
    AttributeBooleanValue v =
        name == VpcAttributeName.ENABLE_DNS_SUPPORT ? r.enableDnsSupport() : r.enableDnsHostnames();
    return v != null && Boolean.TRUE.equals(v.value());
  }

  @Override
  protected ObjectNode outputs(Vpc vpc) {
    ObjectNode o = Json.object();
    o.put("id", vpc.vpcId());
    o.put("ownerId", vpc.ownerId());
    return o;
  }

  @Override
  public ChangeResult create(AwsClients aws, Change change) {
    Optional<Vpc> found = find(aws, change.id());
    Vpc vpc =
        found.orElseGet(
            () ->
                aws.ec2()
                    .createVpc(
                        CreateVpcRequest.builder()
                            .cidrBlock(Props.text(change.desired(), "cidrBlock"))
                            .instanceTenancy(
                                Optional.ofNullable(Props.text(change.desired(), "instanceTenancy"))
                                    .orElse("default"))
                            .tagSpecifications(tagSpecification(change))
                            .build())
                    .vpc());
    String vpcId = vpc.vpcId();
    waiter.until(
        "VPC " + vpcId + " available",
        timeout,
        () -> {
          List<Vpc> now = describe(aws.ec2(), List.of(filter("vpc-id", vpcId)));
          String state = now.isEmpty() ? "absent" : now.get(0).stateAsString();
          return new Waiter.Look(VpcState.AVAILABLE.toString().equals(state), state);
        });
    completing(aws, vpc, change, () -> setDns(aws.ec2(), vpcId, null, change.desired()));
    return existing(change, vpc);
  }

  @Override
  public ChangeResult update(AwsClients aws, Change change) {
    Vpc vpc =
        find(aws, change.id())
            .orElseThrow(() -> new io.mcpiac.engine.providers.ProviderException("the VPC is gone"));
    setDns(aws.ec2(), vpc.vpcId(), change.prior(), change.desired());
    updateTags(aws.ec2(), vpc.vpcId(), change);
    return existing(change, vpc);
  }

  /** The DNS switches where they differ from {@code prior} (null: AWS's defaults, on, off). */
  private static void setDns(Ec2Client ec2, String vpcId, ObjectNode prior, ObjectNode desired) {
    boolean support = Props.bool(desired, "enableDnsSupport", true);
    boolean hostnames = Props.bool(desired, "enableDnsHostnames", false);
    if (support != Props.bool(prior, "enableDnsSupport", true)) {
      ec2.modifyVpcAttribute(
          b ->
              b.vpcId(vpcId)
                  .enableDnsSupport(AttributeBooleanValue.builder().value(support).build()));
    }
    if (hostnames != Props.bool(prior, "enableDnsHostnames", false)) {
      ec2.modifyVpcAttribute(
          b ->
              b.vpcId(vpcId)
                  .enableDnsHostnames(AttributeBooleanValue.builder().value(hostnames).build()));
    }
  }

  @Override
  protected void remove(AwsClients aws, Vpc vpc, Change change) {
    // AWS refuses while subnets, gateways or groups are still being deleted; Moto does not
    waiter.retrying(
        "DependencyViolation",
        "deleting VPC " + vpc.vpcId(),
        timeout,
        () -> aws.ec2().deleteVpc(b -> b.vpcId(vpc.vpcId())));
  }
}
