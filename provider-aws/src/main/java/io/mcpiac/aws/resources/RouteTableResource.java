package io.mcpiac.aws.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.aws.client.AwsClients;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.resources.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateRouteRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteRequest;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * {@code aws:vpc:route-table}, Pulumi's {@code aws.ec2.RouteTable} with inline {@code routes}
 * ({@code cidrBlock} to {@code gatewayId}, {@code natGatewayId}, {@code instanceId} or {@code
 * networkInterfaceId}). The VPC forces a new table; routes change in place (created, replaced or
 * deleted per destination). The VPC's own {@code local} route is AWS's and never shown. {@code
 * subnetIds} (not in Pulumi, which has a separate association resource) associates subnets with the
 * table, so a public subnet is one resource here.
 */
public final class RouteTableResource extends Ec2Handler<RouteTable> {
  public static final String TYPE = "aws:vpc:route-table";
  private static final List<String> TARGETS =
      List.of("gatewayId", "natGatewayId", "instanceId", "networkInterfaceId");

  private static final io.mcpiac.engine.resources.ResourceType DEFINITION =
      new io.mcpiac.engine.resources.ResourceType(
              TYPE,
              "A route table of a VPC, its routes and the subnets that use it.",
              Json.parse(
                  """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "required": ["vpcId"],
                "properties": {
                  "vpcId": {"type": "string", "minLength": 1, "examples": ["${my-vpc.id}"]},
                  "routes": {"type": "array", "default": [],
                             "items": {"type": "object", "additionalProperties": false, "required": ["cidrBlock"],
                                       "properties": {
                                         "cidrBlock": {"type": "string", "description": "The destination, e.g. 0.0.0.0/0."},
                                         "gatewayId": {"type": "string", "description": "An internet gateway, e.g. ${igw.id}."},
                                         "natGatewayId": {"type": "string"},
                                         "instanceId": {"type": "string"},
                                         "networkInterfaceId": {"type": "string"}}}},
                  "subnetIds": {"type": "array", "items": {"type": "string"}, "default": [],
                                "description": "Subnets associated with this table."},
                  "tags": {"type": "object", "additionalProperties": {"type": "string"}, "default": {}}
                }
              }
              """),
              Set.of("vpcId"),
              Set.of(),
              Map.of("id", "the route table's id (rtb-…)", "ownerId", "the owning account"),
              true)
          .unordered("subnetIds");

  public RouteTableResource(AwsTags tags, Waiter waiter) {
    super(tags, waiter);
  }

  @Override
  public io.mcpiac.engine.resources.ResourceType type() {
    return DEFINITION;
  }

  /** Routes by destination and subnets in a fixed order. */
  @Override
  public ObjectNode canonical(ObjectNode properties) {
    ObjectNode p = properties.deepCopy();
    JsonNode routes = p.get("routes");
    if (routes != null && routes.isArray() && !Values.containsUnknown(routes)) {
      p.set("routes", toJson(routes(routes)));
    }
    IdSets.sort(p, "subnetIds");
    return p;
  }

  /** A route's destination and target as written: {@code gatewayId=igw-1}. */
  private static Map<String, String> routes(JsonNode routes) {
    Map<String, String> out = new TreeMap<>();
    if (routes != null) {
      for (JsonNode r : routes) {
        for (String target : TARGETS) {
          if (r.hasNonNull(target)) {
            out.put(r.get("cidrBlock").asText(), target + "=" + r.get(target).asText());
          }
        }
      }
    }
    return out;
  }

  private static Map<String, String> routes(RouteTable t) {
    Map<String, String> out = new TreeMap<>();
    for (Route r : t.routes()) {
      if (r.destinationCidrBlock() == null || "local".equals(r.gatewayId())) {
        continue;
      }
      String target =
          r.gatewayId() != null
              ? "gatewayId=" + r.gatewayId()
              : r.natGatewayId() != null
                  ? "natGatewayId=" + r.natGatewayId()
                  : r.instanceId() != null
                      ? "instanceId=" + r.instanceId()
                      : "networkInterfaceId=" + r.networkInterfaceId();
      out.put(r.destinationCidrBlock(), target);
    }
    return out;
  }

  private static ArrayNode toJson(Map<String, String> routes) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    routes.forEach(
        (cidr, target) -> {
          ObjectNode r = out.addObject();
          r.put("cidrBlock", cidr);
          int eq = target.indexOf('=');
          r.put(target.substring(0, eq), target.substring(eq + 1));
        });
    return out;
  }

  private static Map<String, String> associations(RouteTable t) {
    Map<String, String> bySubnet = new LinkedHashMap<>();
    for (RouteTableAssociation a : t.associations()) {
      if (a.subnetId() != null && !Boolean.TRUE.equals(a.main())) {
        bySubnet.put(a.subnetId(), a.routeTableAssociationId());
      }
    }
    return bySubnet;
  }

  @Override
  protected List<RouteTable> describe(Ec2Client ec2, List<Filter> filters) {
    return ec2
        .describeRouteTablesPaginator(DescribeRouteTablesRequest.builder().filters(filters).build())
        .routeTables()
        .stream()
        .toList();
  }

  @Override
  protected List<Tag> tagsOf(RouteTable t) {
    return t.tags();
  }

  @Override
  protected ResourceType tagType() {
    return ResourceType.ROUTE_TABLE;
  }

  @Override
  protected ObjectNode properties(Ec2Client ec2, RouteTable t, ObjectNode recorded) {
    ObjectNode p = Json.object();
    p.put("vpcId", t.vpcId());
    p.set("routes", toJson(routes(t)));
    p.set("subnetIds", Json.MAPPER.valueToTree(new TreeSet<>(associations(t).keySet())));
    p.set("tags", reportedTags(t.tags(), recorded));
    return p;
  }

  @Override
  protected ObjectNode outputs(RouteTable t) {
    ObjectNode o = Json.object();
    o.put("id", t.routeTableId());
    o.put("ownerId", t.ownerId());
    return o;
  }

  @Override
  public ChangeResult create(AwsClients aws, Change change) {
    RouteTable t =
        find(aws, change.id())
            .orElseGet(
                () ->
                    aws.ec2()
                        .createRouteTable(
                            b ->
                                b.vpcId(Props.text(change.desired(), "vpcId"))
                                    .tagSpecifications(tagSpecification(change)))
                        .routeTable());
    completing(aws, t, change, () -> sync(aws.ec2(), t, change.desired()));
    return existing(change, t);
  }

  @Override
  public ChangeResult update(AwsClients aws, Change change) {
    RouteTable t =
        find(aws, change.id()).orElseThrow(() -> new ProviderException("the route table is gone"));
    sync(aws.ec2(), t, change.desired());
    updateTags(aws.ec2(), t.routeTableId(), change);
    return existing(change, t);
  }

  /** Routes and associations as {@code desired} says: per destination and per subnet. */
  private static void sync(Ec2Client ec2, RouteTable t, ObjectNode desired) {
    String id = t.routeTableId();
    Map<String, String> live = routes(t);
    Map<String, String> wanted = routes(desired.get("routes"));
    for (String cidr : live.keySet()) {
      if (!wanted.containsKey(cidr)) {
        ec2.deleteRoute(b -> b.routeTableId(id).destinationCidrBlock(cidr));
      }
    }
    wanted.forEach(
        (cidr, target) -> {
          if (!live.containsKey(cidr)) {
            CreateRouteRequest.Builder b =
                CreateRouteRequest.builder().routeTableId(id).destinationCidrBlock(cidr);
            target(target, b::gatewayId, b::natGatewayId, b::instanceId, b::networkInterfaceId);
            ec2.createRoute(b.build());
          } else if (!live.get(cidr).equals(target)) {
            ReplaceRouteRequest.Builder b =
                ReplaceRouteRequest.builder().routeTableId(id).destinationCidrBlock(cidr);
            target(target, b::gatewayId, b::natGatewayId, b::instanceId, b::networkInterfaceId);
            ec2.replaceRoute(b.build());
          }
        });
    Map<String, String> associated = associations(t);
    Set<String> subnets = new TreeSet<>(Props.list(desired, "subnetIds"));
    associated.forEach(
        (subnet, association) -> {
          if (!subnets.contains(subnet)) {
            ec2.disassociateRouteTable(b -> b.associationId(association));
          }
        });
    for (String subnet : subnets) {
      if (!associated.containsKey(subnet)) {
        ec2.associateRouteTable(b -> b.routeTableId(id).subnetId(subnet));
      }
    }
  }

  private static void target(
      String target,
      java.util.function.Consumer<String> gateway,
      java.util.function.Consumer<String> nat,
      java.util.function.Consumer<String> instance,
      java.util.function.Consumer<String> eni) {
    int eq = target.indexOf('=');
    String kind = target.substring(0, eq);
    String value = target.substring(eq + 1);
    switch (kind) {
      case "gatewayId" -> gateway.accept(value);
      case "natGatewayId" -> nat.accept(value);
      case "instanceId" -> instance.accept(value);
      default -> eni.accept(value);
    }
  }

  @Override
  protected void remove(AwsClients aws, RouteTable t, Change change) {
    associations(t)
        .values()
        .forEach(a -> aws.ec2().disassociateRouteTable(b -> b.associationId(a)));
    aws.ec2().deleteRouteTable(b -> b.routeTableId(t.routeTableId()));
  }
}
