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
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * {@code aws:vpc:internet-gateway}, Pulumi's {@code aws.ec2.InternetGateway}: attached to {@code
 * vpcId} when it is set; a new VPC detaches it and attaches it there, in place (as Terraform does).
 * A delete detaches first; both retry while AWS answers {@code DependencyViolation} (public
 * addresses still mapped in the VPC).
 */
public final class InternetGatewayResource extends Ec2Handler<InternetGateway> {
  public static final String TYPE = "aws:vpc:internet-gateway";
  private static final Duration TIMEOUT = Duration.ofMinutes(20);

  private static final io.mcpiac.engine.resources.ResourceType DEFINITION =
      new io.mcpiac.engine.resources.ResourceType(
          TYPE,
          "An internet gateway, attached to a VPC. Route to it with gatewayId: ${NAME.id}.",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "vpcId": {"type": "string", "minLength": 1, "description": "The VPC it is attached to; none when absent."},
                  "tags": {"type": "object", "additionalProperties": {"type": "string"}, "default": {}}
                }
              }
              """),
          Set.of(),
          Set.of(),
          Map.of("id", "the gateway's id (igw-…)", "ownerId", "the owning account"),
          true);

  private final Duration timeout;

  public InternetGatewayResource(AwsTags tags, Waiter waiter, Duration timeout) {
    super(tags, waiter);
    this.timeout = timeout != null ? timeout : TIMEOUT;
  }

  @Override
  public io.mcpiac.engine.resources.ResourceType type() {
    return DEFINITION;
  }

  @Override
  protected List<InternetGateway> describe(Ec2Client ec2, List<Filter> filters) {
    return ec2
        .describeInternetGatewaysPaginator(
            DescribeInternetGatewaysRequest.builder().filters(filters).build())
        .internetGateways()
        .stream()
        .toList();
  }

  @Override
  protected List<Tag> tagsOf(InternetGateway g) {
    return g.tags();
  }

  @Override
  protected ResourceType tagType() {
    return ResourceType.INTERNET_GATEWAY;
  }

  private static String attachedVpc(InternetGateway g) {
    return g.attachments().stream()
        .map(InternetGatewayAttachment::vpcId)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  @Override
  protected ObjectNode properties(Ec2Client ec2, InternetGateway g, ObjectNode recorded) {
    ObjectNode p = Json.object();
    String vpc = attachedVpc(g);
    if (vpc != null) {
      p.put("vpcId", vpc);
    } else if (recorded != null && recorded.has("vpcId")) {
      p.putNull("vpcId"); // detached by hand: drift
    }
    p.set("tags", reportedTags(g.tags(), recorded));
    return p;
  }

  @Override
  protected ObjectNode outputs(InternetGateway g) {
    ObjectNode o = Json.object();
    o.put("id", g.internetGatewayId());
    o.put("ownerId", g.ownerId());
    return o;
  }

  @Override
  public ChangeResult create(AwsClients aws, Change change) {
    InternetGateway g =
        find(aws, change.id())
            .orElseGet(
                () ->
                    aws.ec2()
                        .createInternetGateway(b -> b.tagSpecifications(tagSpecification(change)))
                        .internetGateway());
    completing(aws, g, change, () -> attach(aws.ec2(), g, Props.text(change.desired(), "vpcId")));
    return existing(change, g);
  }

  @Override
  public ChangeResult update(AwsClients aws, Change change) {
    InternetGateway g =
        find(aws, change.id())
            .orElseThrow(() -> new ProviderException("the internet gateway is gone"));
    attach(aws.ec2(), g, Props.text(change.desired(), "vpcId"));
    updateTags(aws.ec2(), g.internetGatewayId(), change);
    return existing(change, g);
  }

  /** Attached to {@code vpcId} only (null: to none). */
  private void attach(Ec2Client ec2, InternetGateway g, String vpcId) {
    String now = attachedVpc(g);
    if (Objects.equals(now, vpcId)) {
      return;
    }
    if (now != null) {
      detach(ec2, g.internetGatewayId(), now);
    }
    if (vpcId != null) {
      ec2.attachInternetGateway(b -> b.internetGatewayId(g.internetGatewayId()).vpcId(vpcId));
    }
  }

  private void detach(Ec2Client ec2, String gatewayId, String vpcId) {
    waiter.retrying(
        "DependencyViolation",
        "detaching internet gateway " + gatewayId + " from " + vpcId,
        timeout,
        () -> ec2.detachInternetGateway(b -> b.internetGatewayId(gatewayId).vpcId(vpcId)));
  }

  @Override
  protected void remove(AwsClients aws, InternetGateway g, Change change) {
    String vpc = attachedVpc(g);
    if (vpc != null) {
      detach(aws.ec2(), g.internetGatewayId(), vpc);
    }
    waiter.retrying(
        "DependencyViolation",
        "deleting internet gateway " + g.internetGatewayId(),
        timeout,
        () -> aws.ec2().deleteInternetGateway(b -> b.internetGatewayId(g.internetGatewayId())));
  }
}
