package io.mcpiac.aws.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.aws.client.AwsClients;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.kit.Props;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * {@code aws:ec2:security-group}, Pulumi's {@code aws.ec2.SecurityGroup} with inline {@code
 * ingress} and {@code egress} rules: name, description and VPC force a new group; rules and tags
 * change in place, one authorise or revoke per source added or dropped. As in Terraform, the
 * allow-all egress AWS gives every new group is removed unless {@code egress} asks for it.
 */
public final class SecurityGroupResource extends Ec2Handler<SecurityGroup> {
  public static final String TYPE = "aws:ec2:security-group";
  static final String DEFAULT_DESCRIPTION = "Managed by mcp-iac";
  private static final Duration TIMEOUT = Duration.ofMinutes(15);

  private static final String RULES =
      """
      {"type": "array", "default": [],
       "items": {"type": "object", "additionalProperties": false, "required": ["protocol"],
                 "properties": {
                   "protocol": {"type": ["string", "integer"], "description": "tcp, udp, icmp, or -1/all"},
                   "fromPort": {"type": "integer", "minimum": -1, "maximum": 65535},
                   "toPort": {"type": "integer", "minimum": -1, "maximum": 65535},
                   "cidrBlocks": {"type": "array", "items": {"type": "string"}},
                   "securityGroups": {"type": "array", "items": {"type": "string"},
                                      "description": "ids of groups whose members are allowed"}}}}
      """;

  private static final io.mcpiac.engine.resources.ResourceType DEFINITION =
      new io.mcpiac.engine.resources.ResourceType(
          TYPE,
          "A security group with its rules. Instances use it with vpcSecurityGroupIds: [${NAME.id}].",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 255,
                           "description": "The group's name; default: the resource name and a unique suffix."},
                  "description": {"type": "string", "default": "%s"},
                  "vpcId": {"type": "string", "minLength": 1, "description": "default: the region's default VPC"},
                  "ingress": %s,
                  "egress": %s,
                  "tags": {"type": "object", "additionalProperties": {"type": "string"}, "default": {}}
                }
              }
              """
                  .formatted(DEFAULT_DESCRIPTION, RULES, RULES)),
          Set.of("name", "description", "vpcId"),
          Set.of(),
          Map.of(
              "id", "the group's id (sg-…)",
              "name", "the group's name",
              "arn", "the group's ARN"),
          false);

  private final Duration timeout;

  public SecurityGroupResource(AwsTags tags, Waiter waiter, Duration timeout) {
    super(tags, waiter);
    this.timeout = timeout != null ? timeout : TIMEOUT;
  }

  @Override
  public io.mcpiac.engine.resources.ResourceType type() {
    return DEFINITION;
  }

  @Override
  public ObjectNode canonical(ObjectNode properties) {
    ObjectNode p = properties.deepCopy();
    for (String key : List.of("ingress", "egress")) {
      if (p.has(key)) {
        p.set(key, SecurityGroupRules.canonical(p.get(key)));
      }
    }
    return p;
  }

  @Override
  public ObjectNode plannedOutputs(ObjectNode desired, ObjectNode prior) {
    ObjectNode out = prior == null ? Json.object() : prior.deepCopy();
    if (Props.known(desired, "name")) {
      out.put("name", Props.text(desired, "name"));
    }
    return out;
  }

  @Override
  protected List<SecurityGroup> describe(Ec2Client ec2, List<Filter> filters) {
    return ec2
        .describeSecurityGroupsPaginator(
            DescribeSecurityGroupsRequest.builder().filters(filters).build())
        .securityGroups()
        .stream()
        .toList();
  }

  @Override
  protected List<Tag> tagsOf(SecurityGroup g) {
    return g.tags();
  }

  @Override
  protected ResourceType tagType() {
    return ResourceType.SECURITY_GROUP;
  }

  @Override
  protected ObjectNode properties(Ec2Client ec2, SecurityGroup g, ObjectNode recorded) {
    ObjectNode p = Json.object();
    p.put("name", g.groupName());
    p.put("description", g.description());
    p.put("vpcId", g.vpcId());
    p.set("ingress", SecurityGroupRules.toJson(SecurityGroupRules.grants(g.ipPermissions())));
    p.set("egress", SecurityGroupRules.toJson(SecurityGroupRules.grants(g.ipPermissionsEgress())));
    p.set("tags", reportedTags(g.tags(), recorded));
    return p;
  }

  @Override
  protected ObjectNode outputs(SecurityGroup g) {
    ObjectNode o = Json.object();
    o.put("id", g.groupId());
    o.put("name", g.groupName());
    o.put("arn", g.securityGroupArn());
    return o;
  }

  @Override
  public ChangeResult create(AwsClients aws, Change change) {
    ObjectNode d = change.desired();
    SecurityGroup group =
        find(aws, change.id())
            .orElseGet(
                () -> {
                  String groupId =
                      aws.ec2()
                          .createSecurityGroup(
                              CreateSecurityGroupRequest.builder()
                                  .groupName(AutoName.of(change, "name"))
                                  .description(
                                      d.hasNonNull("description")
                                          ? Props.text(d, "description")
                                          : DEFAULT_DESCRIPTION)
                                  .vpcId(Props.text(d, "vpcId"))
                                  .tagSpecifications(tagSpecification(change))
                                  .build())
                          .groupId();
                  return describe(aws.ec2(), List.of(filter("group-id", groupId))).get(0);
                });
    completing(aws, group, change, () -> syncRules(aws.ec2(), group, d));
    return existing(change, group);
  }

  @Override
  public ChangeResult update(AwsClients aws, Change change) {
    SecurityGroup group =
        find(aws, change.id())
            .orElseThrow(() -> new ProviderException("the security group is gone"));
    syncRules(aws.ec2(), group, change.desired());
    updateTags(aws.ec2(), group.groupId(), change);
    return existing(change, group);
  }

  /** Makes the group's rules those of {@code desired}: what is missing added, the rest revoked. */
  private static void syncRules(Ec2Client ec2, SecurityGroup group, ObjectNode desired) {
    String id = group.groupId();
    Diff in =
        Diff.of(
            SecurityGroupRules.grants(group.ipPermissions()),
            SecurityGroupRules.grants(desired.get("ingress")));
    Diff out =
        Diff.of(
            SecurityGroupRules.grants(group.ipPermissionsEgress()),
            SecurityGroupRules.grants(desired.get("egress")));
    if (!in.revoke().isEmpty()) {
      ec2.revokeSecurityGroupIngress(b -> b.groupId(id).ipPermissions(in.revoke()));
    }
    if (!out.revoke().isEmpty()) {
      ec2.revokeSecurityGroupEgress(b -> b.groupId(id).ipPermissions(out.revoke()));
    }
    if (!in.authorize().isEmpty()) {
      ec2.authorizeSecurityGroupIngress(b -> b.groupId(id).ipPermissions(in.authorize()));
    }
    if (!out.authorize().isEmpty()) {
      ec2.authorizeSecurityGroupEgress(b -> b.groupId(id).ipPermissions(out.authorize()));
    }
  }

  /** What to revoke and what to authorise to go from the live grants to the wanted ones. */
  private record Diff(List<IpPermission> revoke, List<IpPermission> authorize) {
    static Diff of(Set<SecurityGroupRules.Grant> live, Set<SecurityGroupRules.Grant> wanted) {
      Set<SecurityGroupRules.Grant> gone = new LinkedHashSet<>(live);
      gone.removeAll(wanted);
      Set<SecurityGroupRules.Grant> added = new LinkedHashSet<>(wanted);
      added.removeAll(live);
      return new Diff(
          gone.stream().map(SecurityGroupRules.Grant::permission).toList(),
          added.stream().map(SecurityGroupRules.Grant::permission).toList());
    }
  }

  @Override
  protected void remove(AwsClients aws, SecurityGroup group, Change change) {
    // AWS refuses while an instance or another group's rule still uses it; Moto does not
    waiter.retrying(
        "DependencyViolation",
        "deleting security group " + group.groupId(),
        timeout,
        () -> aws.ec2().deleteSecurityGroup(b -> b.groupId(group.groupId())));
  }
}
