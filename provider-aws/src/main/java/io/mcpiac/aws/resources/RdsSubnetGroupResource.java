package io.mcpiac.aws.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.aws.client.AwsClients;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.providers.kit.TypeHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSubnetGroup;

/**
 * {@code aws:rds:subnet-group}, Pulumi's {@code aws.rds.SubnetGroup} (Terraform's {@code
 * aws_db_subnet_group}): the subnets, and so the VPC, an RDS database is placed in. The name forces
 * a new group, created before the old one is deleted, which waits until the databases in it have
 * moved; description and subnets change in place ({@code ModifyDBSubnetGroup}), tags too. {@code
 * subnetIds} is a set: their order is never a change.
 *
 * <p>A DB subnet group's describe answers no tags and RDS filters by none: a read is one {@code
 * DescribeDBSubnetGroups} (all pages), matched by the name chosen before the create, and one {@code
 * ListTagsForResource} per group found (its tags are a property, and its id tag proves it ours).
 * Only when a group is not found under its name (renamed by hand) are the other groups' tags listed
 * to find it by its id tag.
 */
public final class RdsSubnetGroupResource implements TypeHandler<AwsClients> {
  public static final String TYPE = "aws:rds:subnet-group";

  /** AWS requires a description; Pulumi and Terraform default it, so do we (in our name). */
  static final String DEFAULT_DESCRIPTION = "Managed by mcp-iac";

  /** How long a delete waits for RDS to let go of a group whose database was just deleted. */
  private static final Duration DELETE_TIMEOUT = Duration.ofMinutes(5);

  private static final io.mcpiac.engine.resources.ResourceType DEFINITION =
      new io.mcpiac.engine.resources.ResourceType(
              TYPE,
              "An RDS DB subnet group: the subnets (at least two availability zones) a database is"
                  + " placed in. A database refers to it with dbSubnetGroupName: ${NAME.name}.",
              Json.parse(
                  """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "required": ["subnetIds"],
                "properties": {
                  "name": {"type": "string", "pattern": "^[0-9A-Za-z_. -]{1,255}$",
                           "description": "Letters, digits, spaces, '.', '_', '-' (kept in lower case, as RDS does); not 'default'. Default: the resource name and a unique suffix."},
                  "description": {"type": "string", "minLength": 1, "default": "Managed by mcp-iac"},
                  "subnetIds": {"type": "array", "items": {"type": "string"}, "minItems": 1,
                                "examples": [["${subnet-a.id}", "${subnet-b.id}"]],
                                "description": "Subnets in at least two availability zones of one VPC (a set: order is no change)."},
                  "tags": {"type": "object", "additionalProperties": {"type": "string"}, "default": {}}
                }
              }
              """),
              Set.of("name"),
              Set.of(),
              Map.of(
                  "id", "the group's name",
                  "name", "the group's name (for dbSubnetGroupName)",
                  "arn", "the group's ARN",
                  "vpcId", "the VPC of its subnets"),
              // a new name makes the new group, so both exist for a while: databases move to the
              // new one before the old goes (RDS refuses to delete a group in use)
              true)
          .unordered("subnetIds");

  private final AwsTags tags;
  private final Waiter waiter;

  public RdsSubnetGroupResource(AwsTags tags, Waiter waiter) {
    this.tags = tags;
    this.waiter = waiter;
  }

  @Override
  public io.mcpiac.engine.resources.ResourceType type() {
    return DEFINITION;
  }

  /**
   * The subnets as a sorted set, so their order in the file is never a change; the name in lower
   * case, as RDS keeps it (an upper-case name would otherwise differ from the group for ever).
   */
  @Override
  public ObjectNode canonical(ObjectNode properties) {
    ObjectNode p = properties.deepCopy();
    IdSets.sort(p, "subnetIds");
    if (Props.known(p, "name") && p.get("name").isTextual()) {
      p.put("name", Props.text(p, "name").toLowerCase(Locale.ROOT));
    }
    return p;
  }

  /** AWS refuses the name {@code default} (the account's own group); the pattern says the rest. */
  @Override
  public Map<String, String> validate(String name, ObjectNode properties) {
    if ("default".equalsIgnoreCase(Props.text(properties, "name"))) {
      return Map.of("name", "'default' is AWS's own group's name: choose another");
    }
    return Map.of();
  }

  @Override
  public ObjectNode plannedOutputs(ObjectNode desired, ObjectNode prior) {
    return AutoName.plannedOutputs(desired, prior, "name");
  }

  /** The file's name, else the resource name and the id's first characters (as RDS DB names). */
  private static String groupName(String resource, String id, ObjectNode props) {
    return AutoName.dns(resource, id, props, "name", 255);
  }

  private static String groupName(Change change) {
    return groupName(
        change.name(), change.id(), change.desired() != null ? change.desired() : change.prior());
  }

  /** Every DB subnet group of the account and region, all pages. */
  private static List<DBSubnetGroup> all(RdsClient rds) {
    return rds.describeDBSubnetGroupsPaginator(b -> {}).dbSubnetGroups().stream().toList();
  }

  @Override
  public Map<String, LiveResource> read(AwsClients aws, List<ReadRequest> requests) {
    List<DBSubnetGroup> groups = all(aws.rds());
    Map<String, DBSubnetGroup> byName = new LinkedHashMap<>();
    groups.forEach(g -> byName.put(g.dbSubnetGroupName(), g));
    Map<String, Map<String, String>> tagsByArn = new LinkedHashMap<>();
    Map<String, LiveResource> out = new LinkedHashMap<>();
    List<ReadRequest> unmatched = new ArrayList<>();
    for (ReadRequest r : requests) {
      // the name the last apply recorded, else the one chosen before the create
      String recorded = r.outputs() == null ? null : Props.text(r.outputs(), "name");
      DBSubnetGroup g =
          byName.get(recorded != null ? recorded : groupName(r.name(), r.id(), r.properties()));
      Map<String, String> t = g == null ? null : tagsOf(aws.rds(), g, tagsByArn);
      if (t != null && r.id().equals(t.get(AwsTags.ID))) {
        out.put(r.name(), live(r.name(), r.id(), g, t, r.properties()));
      } else {
        unmatched.add(r);
      }
    }
    if (!unmatched.isEmpty()) {
      // not under its name: renamed by hand, or gone; the id tag says which
      Map<String, DBSubnetGroup> byId = new LinkedHashMap<>();
      for (DBSubnetGroup g : groups) {
        String id = tagsOf(aws.rds(), g, tagsByArn).get(AwsTags.ID);
        if (id != null) {
          byId.put(id, g);
        }
      }
      for (ReadRequest r : unmatched) {
        DBSubnetGroup g = byId.get(r.id());
        if (g != null) {
          out.put(
              r.name(),
              live(r.name(), r.id(), g, tagsByArn.get(g.dbSubnetGroupArn()), r.properties()));
        }
      }
    }
    return out;
  }

  private static Map<String, String> tagsOf(
      RdsClient rds, DBSubnetGroup g, Map<String, Map<String, String>> known) {
    return known.computeIfAbsent(g.dbSubnetGroupArn(), arn -> tagsOf(rds, arn));
  }

  /** A group's tags; none for a group deleted since the describe listed it. */
  private static Map<String, String> tagsOf(RdsClient rds, String arn) {
    try {
      return RdsTags.of(rds, arn);
    } catch (AwsServiceException e) {
      if (AwsErrors.notFound(e)) {
        return Map.of();
      }
      throw e;
    }
  }

  @Override
  public List<LiveResource> importAll(AwsClients aws) {
    List<LiveResource> out = new ArrayList<>();
    for (DBSubnetGroup g : all(aws.rds())) {
      Map<String, String> t = tagsOf(aws.rds(), g.dbSubnetGroupArn());
      if (tags.imports(t)) {
        out.add(live(t.get(AwsTags.RESOURCE), t.get(AwsTags.ID), g, t, null));
      }
    }
    return out;
  }

  private static LiveResource live(
      String name, String id, DBSubnetGroup g, Map<String, String> t, ObjectNode recorded) {
    ObjectNode p = Json.object();
    p.put("name", g.dbSubnetGroupName());
    p.put("description", g.dbSubnetGroupDescription());
    p.set("subnetIds", Json.MAPPER.valueToTree(subnetIds(g)));
    p.set("tags", AwsTags.reported(t, recorded));
    return new LiveResource(name, id, p, outputs(g));
  }

  private static TreeSet<String> subnetIds(DBSubnetGroup g) {
    TreeSet<String> out = new TreeSet<>();
    g.subnets().forEach(s -> out.add(s.subnetIdentifier()));
    return out;
  }

  private static ObjectNode outputs(DBSubnetGroup g) {
    ObjectNode o = Json.object();
    o.put("id", g.dbSubnetGroupName());
    o.put("name", g.dbSubnetGroupName());
    o.put("arn", g.dbSubnetGroupArn());
    o.put("vpcId", g.vpcId());
    return o;
  }

  /** The group of the change's name if it carries the change's id tag. */
  private static Optional<DBSubnetGroup> find(RdsClient rds, Change change) {
    try {
      return rds
          .describeDBSubnetGroups(b -> b.dbSubnetGroupName(groupName(change)))
          .dbSubnetGroups()
          .stream()
          .filter(g -> change.id().equals(RdsTags.of(rds, g.dbSubnetGroupArn()).get(AwsTags.ID)))
          .findFirst();
    } catch (AwsServiceException e) {
      if (AwsErrors.notFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static String description(ObjectNode props) {
    String d = Props.text(props, "description");
    return d != null ? d : DEFAULT_DESCRIPTION;
  }

  @Override
  public ChangeResult create(AwsClients aws, Change change) {
    ObjectNode d = change.desired();
    // a create whose answer was lost made the group under this name with this id tag
    DBSubnetGroup group =
        find(aws.rds(), change)
            .orElseGet(
                () ->
                    aws.rds()
                        .createDBSubnetGroup(
                            b ->
                                b.dbSubnetGroupName(groupName(change))
                                    .dbSubnetGroupDescription(description(d))
                                    .subnetIds(Props.list(d, "subnetIds"))
                                    .tags(
                                        RdsTags.list(
                                            tags.forNew(TYPE, change.id(), change.name(), d))))
                        .dbSubnetGroup());
    return ChangeResult.ok(change.name(), change.id(), outputs(group));
  }

  @Override
  public ChangeResult update(AwsClients aws, Change change) {
    ObjectNode d = change.desired();
    ObjectNode p = change.prior() == null ? Json.object() : change.prior();
    String name = groupName(change);
    DBSubnetGroup group;
    if (!description(p).equals(description(d))
        || !Json.sameValue(canonical(p).get("subnetIds"), canonical(d).get("subnetIds"))) {
      // AWS takes the whole subnet list (and the description) on every modify
      group =
          aws.rds()
              .modifyDBSubnetGroup(
                  b ->
                      b.dbSubnetGroupName(name)
                          .dbSubnetGroupDescription(description(d))
                          .subnetIds(Props.list(d, "subnetIds")))
              .dbSubnetGroup();
    } else {
      group =
          aws.rds().describeDBSubnetGroups(b -> b.dbSubnetGroupName(name)).dbSubnetGroups().get(0);
    }
    RdsTags.update(aws.rds(), group.dbSubnetGroupArn(), p, d, change.name());
    return ChangeResult.ok(change.name(), change.id(), outputs(group));
  }

  @Override
  public ChangeResult delete(AwsClients aws, Change change) {
    Optional<DBSubnetGroup> found = find(aws.rds(), change);
    if (found.isPresent()) {
      String name = found.get().dbSubnetGroupName();
      try {
        // AWS refuses while a database that was just deleted still holds the group
        waiter.retrying(
            "InvalidDBSubnetGroupStateFault",
            "deleting DB subnet group " + name,
            DELETE_TIMEOUT,
            () -> aws.rds().deleteDBSubnetGroup(b -> b.dbSubnetGroupName(name)));
      } catch (AwsServiceException e) {
        if (!AwsErrors.notFound(e)) {
          throw e;
        }
      }
    }
    return ChangeResult.ok(change.name(), change.id(), Json.object());
  }
}
