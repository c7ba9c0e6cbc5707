package io.mcpiac.aws.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.aws.client.AwsClients;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.kit.Props;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsRequest;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsResponse;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * {@code aws:ec2:instance}, Pulumi's {@code aws.ec2.Instance}: the AMI, subnet, key pair and
 * private address force a new instance; the instance type changes with a stop and a start (as
 * Terraform does); security groups and tags change in place. The seed's {@code subnet} is an alias
 * of {@code subnetId}. The create's {@code ClientToken} is the id chosen before the call, so AWS
 * itself answers a repeated launch with the first instance; the id tag finds it too (Moto ignores
 * the token). Launch and terminate wait for {@code running} and {@code terminated}.
 */
public final class InstanceResource extends Ec2Handler<Instance> {
  public static final String TYPE = "aws:ec2:instance";
  private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration DELETE_TIMEOUT = Duration.ofMinutes(20);
  private static final List<String> LIVE_STATES =
      List.of("pending", "running", "stopping", "stopped");

  private static final io.mcpiac.engine.resources.ResourceType DEFINITION =
      new io.mcpiac.engine.resources.ResourceType(
              TYPE,
              "An EC2 instance. Its private address is ${NAME.ip} (also privateIp); publicIp when it has one.",
              Json.parse(
                  """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "required": ["ami", "instanceType"],
                "properties": {
                  "ami": {"type": "string", "minLength": 1, "examples": ["ami-0abcdef1234567890"], "description": "The image, e.g. ami-0abcdef1234567890 (a change makes a new instance)."},
                  "instanceType": {"type": "string", "minLength": 1, "examples": ["t3.micro"], "description": "e.g. t3.micro; a change stops and starts the instance."},
                  "subnetId": {"type": "string", "minLength": 1, "description": "The subnet, e.g. ${my-subnet.id}; default: the default VPC's."},
                  "subnet": {"type": "string", "minLength": 1, "description": "The seed's name for subnetId."},
                  "vpcSecurityGroupIds": {"type": "array", "items": {"type": "string"},
                                          "description": "Security group ids; default: the VPC's default group."},
                  "keyName": {"type": "string", "minLength": 1, "description": "An EC2 key pair's name (aws:ec2:key-pair's keyName)."},
                  "privateIp": {"type": "string", "minLength": 1, "description": "A fixed private address inside the subnet."},
                  "userData": {"type": "string", "description": "A script or cloud-init document run at boot; a change stops and starts the instance."},
                  "metadataOptions": {"type": "object", "additionalProperties": false,
                                      "description": "The instance metadata service; httpTokens: required is IMDSv2 only.",
                                      "properties": {
                                        "httpTokens": {"enum": ["optional", "required"]},
                                        "httpEndpoint": {"enum": ["enabled", "disabled"]},
                                        "httpPutResponseHopLimit": {"type": "integer", "minimum": 1, "maximum": 64}}},
                  "tags": {"type": "object", "additionalProperties": {"type": "string"}, "default": {}}
                }
              }
              """),
              Set.of("ami", "subnetId", "subnet", "keyName", "privateIp"),
              Set.of(),
              Map.of(
                  "id", "the instance's id (i-…)",
                  "ip", "the private IPv4 address (the seed's ${aws:ec2:app-1.ip})",
                  "privateIp", "the private IPv4 address",
                  "publicIp", "the public IPv4 address, empty when it has none",
                  "subnetId", "the subnet it runs in",
                  "availabilityZone", "where it runs",
                  "privateDns", "the private DNS name"),
              true)
          .unordered("vpcSecurityGroupIds");

  private final Duration createTimeout;
  private final Duration deleteTimeout;

  public InstanceResource(AwsTags tags, Waiter waiter, Duration timeout) {
    super(tags, waiter);
    this.createTimeout = timeout != null ? timeout : CREATE_TIMEOUT;
    this.deleteTimeout = timeout != null ? timeout : DELETE_TIMEOUT;
  }

  @Override
  public io.mcpiac.engine.resources.ResourceType type() {
    return DEFINITION;
  }

  /** The seed's {@code subnet} becomes {@code subnetId}; security groups in a fixed order. */
  @Override
  public ObjectNode canonical(ObjectNode properties) {
    ObjectNode p = properties.deepCopy();
    JsonNode alias = p.remove("subnet");
    if (alias != null && !p.has("subnetId")) {
      p.set("subnetId", alias);
    }
    IdSets.sort(p, "vpcSecurityGroupIds");
    return p;
  }

  @Override
  public Map<String, String> validate(String name, ObjectNode properties) {
    if (properties.has("subnet") && properties.has("subnetId")) {
      return Map.of("subnet", "set subnetId or its alias subnet, not both");
    }
    return Map.of();
  }

  @Override
  public ObjectNode plannedOutputs(ObjectNode desired, ObjectNode prior) {
    ObjectNode out = prior == null ? Json.object() : prior.deepCopy();
    for (String key : List.of("subnetId", "privateIp")) {
      if (Props.known(desired, key)) {
        out.put(key, Props.text(desired, key));
      }
    }
    if (Props.known(desired, "privateIp")) {
      out.put("ip", Props.text(desired, "privateIp"));
    }
    return out;
  }

  @Override
  protected List<Instance> describe(Ec2Client ec2, List<Filter> filters) {
    List<Filter> all = new ArrayList<>(filters);
    // terminated instances stay listed for an hour: they are gone for us
    all.add(Filter.builder().name("instance-state-name").values(LIVE_STATES).build());
    return ec2
        .describeInstancesPaginator(DescribeInstancesRequest.builder().filters(all).build())
        .reservations()
        .stream()
        .map(Reservation::instances)
        .flatMap(Collection::stream)
        .toList();
  }

  @Override
  protected List<Tag> tagsOf(Instance i) {
    return i.tags();
  }

  @Override
  protected ResourceType tagType() {
    return ResourceType.INSTANCE;
  }

  @Override
  protected ObjectNode properties(Ec2Client ec2, Instance i, ObjectNode recorded) {
    ObjectNode p = Json.object();
    p.put("ami", i.imageId());
    p.put("instanceType", i.instanceTypeAsString());
    if (i.subnetId() != null) {
      p.put("subnetId", i.subnetId());
    }
    p.set(
        "vpcSecurityGroupIds",
        Json.MAPPER.valueToTree(
            new TreeSet<>(i.securityGroups().stream().map(GroupIdentifier::groupId).toList())));
    if (i.keyName() != null) {
      p.put("keyName", i.keyName());
    }
    if (i.privateIpAddress() != null) {
      p.put("privateIp", i.privateIpAddress());
    }
    // user data is an attribute of its own, one call per instance: read where the record has it
    // (or on import)
    if (recorded == null || recorded.has("userData")) {
      String encoded =
          ec2.describeInstanceAttribute(
                  b -> b.instanceId(i.instanceId()).attribute(InstanceAttributeName.USER_DATA))
              .userData()
              .value();
      if (encoded != null) {
        p.put("userData", new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
      } else if (recorded != null) {
        p.putNull("userData");
      }
    }
    if (i.metadataOptions() != null) {
      p.set("metadataOptions", metadataOptions(i.metadataOptions(), recorded));
    }
    p.set("tags", reportedTags(i.tags(), recorded));
    return p;
  }

  @Override
  protected ObjectNode outputs(Instance i) {
    ObjectNode o = Json.object();
    o.put("id", i.instanceId());
    o.put("ip", nullToEmpty(i.privateIpAddress()));
    o.put("privateIp", nullToEmpty(i.privateIpAddress()));
    o.put("publicIp", nullToEmpty(i.publicIpAddress()));
    o.put("subnetId", nullToEmpty(i.subnetId()));
    o.put("availabilityZone", i.placement() == null ? "" : i.placement().availabilityZone());
    o.put("privateDns", nullToEmpty(i.privateDnsName()));
    return o;
  }

  /** The options AWS reports; only those the record sets, when it sets some. */
  private static ObjectNode metadataOptions(
      InstanceMetadataOptionsResponse m, ObjectNode recorded) {
    ObjectNode all = Json.object();
    all.put("httpTokens", m.httpTokensAsString());
    all.put("httpEndpoint", m.httpEndpointAsString());
    if (m.httpPutResponseHopLimit() != null) {
      all.put("httpPutResponseHopLimit", m.httpPutResponseHopLimit());
    }
    JsonNode wanted = recorded == null ? null : recorded.get("metadataOptions");
    if (wanted == null || !wanted.isObject()) {
      return all;
    }
    ObjectNode out = Json.object();
    wanted.fieldNames().forEachRemaining(k -> out.set(k, all.get(k)));
    return out;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  @Override
  public ChangeResult create(AwsClients aws, Change change) {
    ObjectNode d = change.desired();
    Instance launched =
        find(aws, change.id())
            .orElseGet(
                () ->
                    aws.ec2()
                        .runInstances(
                            RunInstancesRequest.builder()
                                .imageId(Props.text(d, "ami"))
                                .instanceType(Props.text(d, "instanceType"))
                                .minCount(1)
                                .maxCount(1)
                                .subnetId(Props.text(d, "subnetId"))
                                .securityGroupIds(
                                    d.has("vpcSecurityGroupIds")
                                        ? Props.list(d, "vpcSecurityGroupIds")
                                        : null)
                                .keyName(Props.text(d, "keyName"))
                                .privateIpAddress(Props.text(d, "privateIp"))
                                .metadataOptions(
                                    d.has("metadataOptions")
                                        ? metadataRequest(d.get("metadataOptions"))
                                        : null)
                                .userData(
                                    d.hasNonNull("userData")
                                        ? Base64.getEncoder()
                                            .encodeToString(
                                                Props.text(d, "userData")
                                                    .getBytes(StandardCharsets.UTF_8))
                                        : null)
                                .clientToken(change.id())
                                .tagSpecifications(tagSpecification(change))
                                .build())
                        .instances()
                        .get(0));
    Instance running = awaitState(aws.ec2(), launched.instanceId(), "running", createTimeout);
    return existing(change, running);
  }

  private static InstanceMetadataOptionsRequest metadataRequest(JsonNode m) {
    InstanceMetadataOptionsRequest.Builder b = InstanceMetadataOptionsRequest.builder();
    if (m.hasNonNull("httpTokens")) {
      b.httpTokens(m.get("httpTokens").asText());
    }
    if (m.hasNonNull("httpEndpoint")) {
      b.httpEndpoint(m.get("httpEndpoint").asText());
    }
    if (m.hasNonNull("httpPutResponseHopLimit")) {
      b.httpPutResponseHopLimit(m.get("httpPutResponseHopLimit").asInt());
    }
    return b.build();
  }

  @Override
  public ChangeResult update(AwsClients aws, Change change) {
    Instance i =
        find(aws, change.id()).orElseThrow(() -> new ProviderException("the instance is gone"));
    String id = i.instanceId();
    Ec2Client ec2 = aws.ec2();
    String wantedType = Props.text(change.desired(), "instanceType");
    boolean newType = !wantedType.equals(i.instanceTypeAsString());
    String userData = Props.text(change.desired(), "userData");
    boolean newUserData =
        !java.util.Objects.equals(
            userData, change.prior() == null ? null : Props.text(change.prior(), "userData"));
    if (newType || newUserData) {
      // AWS changes the type and the user data of a stopped instance only (as Terraform does)
      ec2.stopInstances(b -> b.instanceIds(id));
      awaitState(ec2, id, "stopped", createTimeout);
      if (newType) {
        ec2.modifyInstanceAttribute(b -> b.instanceId(id).instanceType(t -> t.value(wantedType)));
      }
      if (newUserData) {
        // the SDK base64-encodes a blob on the wire: the raw script goes in
        ec2.modifyInstanceAttribute(
            b ->
                b.instanceId(id)
                    .userData(
                        u ->
                            u.value(
                                SdkBytes.fromString(
                                    userData == null ? "" : userData, StandardCharsets.UTF_8))));
      }
      ec2.startInstances(b -> b.instanceIds(id));
      awaitState(ec2, id, "running", createTimeout);
    }
    if (change.desired().has("vpcSecurityGroupIds")) {
      Set<String> wanted = new TreeSet<>(Props.list(change.desired(), "vpcSecurityGroupIds"));
      Set<String> live =
          new TreeSet<>(i.securityGroups().stream().map(GroupIdentifier::groupId).toList());
      if (!wanted.equals(live)) {
        ec2.modifyInstanceAttribute(b -> b.instanceId(id).groups(wanted));
      }
    }
    JsonNode metadata = change.desired().get("metadataOptions");
    if (metadata != null
        && change.prior() != null
        && !Json.sameValue(metadata, change.prior().get("metadataOptions"))) {
      // in place, as Terraform does (not checkable on Moto 5.1.1, which lacks this call)
      InstanceMetadataOptionsRequest m = metadataRequest(metadata);
      ec2.modifyInstanceMetadataOptions(
          b ->
              b.instanceId(id)
                  .httpTokens(m.httpTokens())
                  .httpEndpoint(m.httpEndpointAsString())
                  .httpPutResponseHopLimit(m.httpPutResponseHopLimit()));
    }
    updateTags(ec2, id, change);
    return existing(change, describe(ec2, List.of(filter("instance-id", id))).get(0));
  }

  @Override
  protected void remove(AwsClients aws, Instance i, Change change) {
    String id = i.instanceId();
    aws.ec2().terminateInstances(b -> b.instanceIds(id));
    waiter.until(
        "instance " + id + " terminated",
        deleteTimeout,
        () -> {
          List<Instance> now = describeAny(aws.ec2(), id);
          String state = now.isEmpty() ? "terminated" : now.get(0).state().nameAsString();
          return new Waiter.Look(state.equals(InstanceStateName.TERMINATED.toString()), state);
        });
  }

  /** Waits for {@code state} and answers the instance as it is then. */
  private Instance awaitState(Ec2Client ec2, String id, String state, Duration timeout) {
    Instance[] last = new Instance[1];
    waiter.until(
        "instance " + id + " " + state,
        timeout,
        () -> {
          List<Instance> now = describeAny(ec2, id);
          if (now.isEmpty()) {
            return Waiter.Look.notYet("not listed yet");
          }
          last[0] = now.get(0);
          String seen = last[0].state().nameAsString();
          if (state.equals("running") && seen.equals("terminated")) {
            throw new ProviderException(
                "instance "
                    + id
                    + " terminated while starting"
                    + (last[0].stateReason() == null
                        ? ""
                        : ": " + last[0].stateReason().message()));
          }
          return new Waiter.Look(seen.equals(state), seen);
        });
    return last[0];
  }

  /** The instance in whatever state, terminated included. */
  private static List<Instance> describeAny(Ec2Client ec2, String id) {
    return ec2.describeInstances(b -> b.filters(filter("instance-id", id))).reservations().stream()
        .map(Reservation::instances)
        .flatMap(Collection::stream)
        .toList();
  }
}
