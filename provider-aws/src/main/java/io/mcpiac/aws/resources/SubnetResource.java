package io.mcpiac.aws.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.aws.client.AwsClients;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.kit.Props;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.SubnetState;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * {@code aws:vpc:subnet}, Pulumi's {@code aws.ec2.Subnet}: VPC, CIDR block and availability zone
 * force a new subnet; {@code mapPublicIpOnLaunch} and tags change in place. A create waits until
 * the subnet is {@code available}.
 */
public final class SubnetResource extends Ec2Handler<Subnet> {
  public static final String TYPE = "aws:vpc:subnet";
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private static final io.mcpiac.engine.resources.ResourceType DEFINITION =
      new io.mcpiac.engine.resources.ResourceType(
          TYPE,
          "A subnet of a VPC. Instances refer to it with subnetId: ${NAME.id}.",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "required": ["vpcId", "cidrBlock"],
                "properties": {
                  "vpcId": {"type": "string", "minLength": 1, "examples": ["${my-vpc.id}"], "description": "The VPC, e.g. ${my-vpc.id}."},
                  "cidrBlock": {"type": "string", "examples": ["10.0.1.0/24"], "pattern": "^[0-9]{1,3}(\\\\.[0-9]{1,3}){3}/[0-9]{1,2}$",
                                "description": "IPv4 range inside the VPC's, e.g. 10.0.1.0/24."},
                  "availabilityZone": {"type": "string", "minLength": 1, "description": "e.g. us-east-1a; default: AWS picks one."},
                  "mapPublicIpOnLaunch": {"type": "boolean", "default": false,
                                          "description": "Give instances launched here a public address."},
                  "tags": {"type": "object", "additionalProperties": {"type": "string"}, "default": {}}
                }
              }
              """),
          Set.of("vpcId", "cidrBlock", "availabilityZone"),
          Set.of(),
          Map.of(
              "id", "the subnet's id (subnet-…)",
              "arn", "the subnet's ARN",
              "availabilityZone", "where it is (also when AWS picked it)"),
          // two subnets of one VPC cannot share a CIDR block: the old one goes first
          false);

  private final Duration timeout;

  public SubnetResource(AwsTags tags, Waiter waiter, Duration timeout) {
    super(tags, waiter);
    this.timeout = timeout != null ? timeout : TIMEOUT;
  }

  @Override
  public io.mcpiac.engine.resources.ResourceType type() {
    return DEFINITION;
  }

  @Override
  protected List<Subnet> describe(Ec2Client ec2, List<Filter> filters) {
    return ec2
        .describeSubnetsPaginator(DescribeSubnetsRequest.builder().filters(filters).build())
        .subnets()
        .stream()
        .toList();
  }

  @Override
  protected List<Tag> tagsOf(Subnet s) {
    return s.tags();
  }

  @Override
  protected ResourceType tagType() {
    return ResourceType.SUBNET;
  }

  @Override
  protected ObjectNode properties(Ec2Client ec2, Subnet s, ObjectNode recorded) {
    ObjectNode p = Json.object();
    p.put("vpcId", s.vpcId());
    p.put("cidrBlock", s.cidrBlock());
    p.put("availabilityZone", s.availabilityZone());
    p.put("mapPublicIpOnLaunch", Boolean.TRUE.equals(s.mapPublicIpOnLaunch()));
    p.set("tags", reportedTags(s.tags(), recorded));
    return p;
  }

  @Override
  protected ObjectNode outputs(Subnet s) {
    ObjectNode o = Json.object();
    o.put("id", s.subnetId());
    o.put("arn", s.subnetArn());
    o.put("availabilityZone", s.availabilityZone());
    return o;
  }

  @Override
  public ChangeResult create(AwsClients aws, Change change) {
    ObjectNode d = change.desired();
    Subnet subnet =
        find(aws, change.id())
            .orElseGet(
                () ->
                    aws.ec2()
                        .createSubnet(
                            CreateSubnetRequest.builder()
                                .vpcId(Props.text(d, "vpcId"))
                                .cidrBlock(Props.text(d, "cidrBlock"))
                                .availabilityZone(Props.text(d, "availabilityZone"))
                                .tagSpecifications(tagSpecification(change))
                                .build())
                        .subnet());
    String subnetId = subnet.subnetId();
    waiter.until(
        "subnet " + subnetId + " available",
        timeout,
        () -> {
          List<Subnet> now = describe(aws.ec2(), List.of(filter("subnet-id", subnetId)));
          String state = now.isEmpty() ? "absent" : now.get(0).stateAsString();
          return new Waiter.Look(SubnetState.AVAILABLE.toString().equals(state), state);
        });
    if (Props.bool(d, "mapPublicIpOnLaunch", false)
        != Boolean.TRUE.equals(subnet.mapPublicIpOnLaunch())) {
      completing(
          aws,
          subnet,
          change,
          () -> setMapPublicIp(aws.ec2(), subnetId, Props.bool(d, "mapPublicIpOnLaunch", false)));
    }
    return existing(change, subnet);
  }

  @Override
  public ChangeResult update(AwsClients aws, Change change) {
    Subnet subnet =
        find(aws, change.id()).orElseThrow(() -> new ProviderException("the subnet is gone"));
    boolean map = Props.bool(change.desired(), "mapPublicIpOnLaunch", false);
    if (map != Boolean.TRUE.equals(subnet.mapPublicIpOnLaunch())) {
      setMapPublicIp(aws.ec2(), subnet.subnetId(), map);
    }
    updateTags(aws.ec2(), subnet.subnetId(), change);
    return existing(change, subnet);
  }

  private static void setMapPublicIp(Ec2Client ec2, String subnetId, boolean on) {
    ec2.modifySubnetAttribute(
        b ->
            b.subnetId(subnetId)
                .mapPublicIpOnLaunch(AttributeBooleanValue.builder().value(on).build()));
  }

  @Override
  protected void remove(AwsClients aws, Subnet subnet, Change change) {
    // AWS refuses while instances in it are still terminating; Moto deletes at once
    waiter.retrying(
        "DependencyViolation",
        "deleting subnet " + subnet.subnetId(),
        timeout,
        () -> aws.ec2().deleteSubnet(b -> b.subnetId(subnet.subnetId())));
  }
}
