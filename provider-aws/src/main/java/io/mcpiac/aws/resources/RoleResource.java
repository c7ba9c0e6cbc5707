package io.mcpiac.aws.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.aws.client.AwsClients;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.providers.kit.TypeHandler;
import io.mcpiac.engine.resources.Values;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * {@code aws:iam:role}, Pulumi's {@code aws.iam.Role} with {@code managedPolicyArns}: name and path
 * force a new role; the trust policy, description, session length, attached managed policies and
 * tags change in place. The trust policy may be written as YAML/JSON or as a JSON string; it is
 * kept as an object, so formatting is no change. IAM is global: one read is a few calls per role,
 * by the name chosen before the create.
 */
public final class RoleResource implements TypeHandler<AwsClients> {
  public static final String TYPE = "aws:iam:role";

  private static final io.mcpiac.engine.resources.ResourceType DEFINITION =
      new io.mcpiac.engine.resources.ResourceType(
              TYPE,
              "An IAM role: who may assume it, and the managed policies it has.",
              Json.parse(
                  """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "required": ["assumeRolePolicy"],
                "properties": {
                  "name": {"type": "string", "pattern": "^[\\\\w+=,.@-]{1,64}$",
                           "description": "default: the resource name and a unique suffix"},
                  "path": {"type": "string", "default": "/"},
                  "description": {"type": "string", "default": ""},
                  "assumeRolePolicy": {"type": ["object", "string"],
                                       "examples": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}],
                                       "description": "The trust policy document, e.g. {Version: '2012-10-17', Statement: [...]}"},
                  "maxSessionDuration": {"type": "integer", "minimum": 3600, "maximum": 43200, "default": 3600},
                  "managedPolicyArns": {"type": "array", "items": {"type": "string"}, "default": []},
                  "tags": {"type": "object", "additionalProperties": {"type": "string"}, "default": {}}
                }
              }
              """),
              Set.of("name", "path"),
              Set.of(),
              Map.of(
                  "id", "the role's name",
                  "name", "the role's name",
                  "arn", "the role's ARN",
                  "uniqueId", "IAM's id of the role (AROA…)"),
              false)
          .unordered("managedPolicyArns");

  private final AwsTags tags;

  public RoleResource(AwsTags tags) {
    this.tags = tags;
  }

  @Override
  public io.mcpiac.engine.resources.ResourceType type() {
    return DEFINITION;
  }

  /** The trust policy as an object; managed policies in a fixed order. */
  @Override
  public ObjectNode canonical(ObjectNode properties) {
    ObjectNode p = properties.deepCopy();
    JsonNode policy = p.get("assumeRolePolicy");
    if (policy != null && policy.isTextual() && !Values.containsUnknown(policy)) {
      try {
        p.set("assumeRolePolicy", Json.parse(policy.asText()));
      } catch (RuntimeException notJson) {
        // left as written: validate says what is wrong with it
      }
    }
    IdSets.sort(p, "managedPolicyArns");
    return p;
  }

  @Override
  public Map<String, String> validate(String name, ObjectNode properties) {
    JsonNode policy = properties.get("assumeRolePolicy");
    if (policy != null && policy.isTextual() && !Values.containsUnknown(policy)) {
      try {
        Json.parse(policy.asText());
      } catch (RuntimeException e) {
        return Map.of("assumeRolePolicy", "not a JSON policy document: " + e.getMessage());
      }
    }
    return Map.of();
  }

  @Override
  public ObjectNode plannedOutputs(ObjectNode desired, ObjectNode prior) {
    return AutoName.plannedOutputs(desired, prior, "name");
  }

  private static String roleName(String resource, String id, ObjectNode props) {
    return AutoName.dns(resource, id, props, "name", 64);
  }

  private static Map<String, String> tagMap(List<Tag> list) {
    Map<String, String> out = new LinkedHashMap<>();
    if (list != null) {
      list.forEach(t -> out.put(t.key(), t.value()));
    }
    return out;
  }

  /** The role of that name if it is this resource's (its id tag), else empty. */
  private static Optional<Role> role(IamClient iam, String name, String id) {
    try {
      Role r = iam.getRole(b -> b.roleName(name)).role();
      return id.equals(tagMap(r.tags()).get(AwsTags.ID)) ? Optional.of(r) : Optional.empty();
    } catch (AwsServiceException e) {
      if (AwsErrors.notFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Map<String, LiveResource> read(AwsClients aws, List<ReadRequest> requests) {
    Map<String, LiveResource> out = new LinkedHashMap<>();
    for (ReadRequest r : requests) {
      role(aws.iam(), roleName(r.name(), r.id(), r.properties()), r.id())
          .ifPresent(
              role -> out.put(r.name(), live(aws.iam(), r.name(), r.id(), role, r.properties())));
    }
    return out;
  }

  @Override
  public List<LiveResource> importAll(AwsClients aws) {
    List<LiveResource> out = new ArrayList<>();
    for (Role listed : aws.iam().listRolesPaginator(b -> {}).roles()) {
      // ListRoles leaves tags out: one GetRole each
      Role r = aws.iam().getRole(b -> b.roleName(listed.roleName())).role();
      Map<String, String> t = tagMap(r.tags());
      if (tags.imports(t)) {
        out.add(live(aws.iam(), t.get(AwsTags.RESOURCE), t.get(AwsTags.ID), r, null));
      }
    }
    return out;
  }

  private static LiveResource live(
      IamClient iam, String name, String id, Role r, ObjectNode recorded) {
    ObjectNode p = Json.object();
    p.put("name", r.roleName());
    p.put("path", r.path());
    p.put("description", r.description() == null ? "" : r.description());
    String doc = r.assumeRolePolicyDocument();
    // IAM answers the document URL-encoded
    p.set(
        "assumeRolePolicy",
        Json.parse(
            doc.trim().startsWith("{") ? doc : URLDecoder.decode(doc, StandardCharsets.UTF_8)));
    p.put("maxSessionDuration", r.maxSessionDuration() == null ? 3600 : r.maxSessionDuration());
    p.set("managedPolicyArns", Json.MAPPER.valueToTree(attached(iam, r.roleName())));
    p.set("tags", AwsTags.reported(tagMap(r.tags()), recorded));
    return new LiveResource(name, id, p, outputs(r));
  }

  private static TreeSet<String> attached(IamClient iam, String role) {
    TreeSet<String> out = new TreeSet<>();
    iam.listAttachedRolePoliciesPaginator(b -> b.roleName(role))
        .attachedPolicies()
        .forEach(a -> out.add(a.policyArn()));
    return out;
  }

  private static ObjectNode outputs(Role r) {
    ObjectNode o = Json.object();
    o.put("id", r.roleName());
    o.put("name", r.roleName());
    o.put("arn", r.arn());
    o.put("uniqueId", r.roleId());
    return o;
  }

  @Override
  public ChangeResult create(AwsClients aws, Change change) {
    ObjectNode d = change.desired();
    String name = roleName(change.name(), change.id(), d);
    IamClient iam = aws.iam();
    if (role(iam, name, change.id()).isEmpty()) {
      List<Tag> tagList =
          tags.forNew(TYPE, change.id(), change.name(), d).entrySet().stream()
              .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
              .toList();
      iam.createRole(
          b ->
              b.roleName(name)
                  .path(d.hasNonNull("path") ? Props.text(d, "path") : "/")
                  .description(Props.text(d, "description"))
                  .assumeRolePolicyDocument(Json.write(d.get("assumeRolePolicy")))
                  .maxSessionDuration(d.path("maxSessionDuration").asInt(3600))
                  .tags(tagList));
    }
    try {
      syncPolicies(iam, name, Props.list(d, "managedPolicyArns"));
    } catch (RuntimeException e) {
      // a failed create leaves nothing behind (see Ec2Handler#completing)
      try {
        delete(aws, change);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return ChangeResult.ok(
        change.name(), change.id(), outputs(iam.getRole(b -> b.roleName(name)).role()));
  }

  private static void syncPolicies(IamClient iam, String role, List<String> wanted) {
    TreeSet<String> live = attached(iam, role);
    for (String arn : live) {
      if (!wanted.contains(arn)) {
        iam.detachRolePolicy(b -> b.roleName(role).policyArn(arn));
      }
    }
    for (String arn : wanted) {
      if (!live.contains(arn)) {
        iam.attachRolePolicy(b -> b.roleName(role).policyArn(arn));
      }
    }
  }

  @Override
  public ChangeResult update(AwsClients aws, Change change) {
    ObjectNode d = change.desired();
    ObjectNode p = change.prior() == null ? Json.object() : change.prior();
    String name = roleName(change.name(), change.id(), d);
    IamClient iam = aws.iam();
    if (!Json.sameValue(p.get("assumeRolePolicy"), d.get("assumeRolePolicy"))) {
      iam.updateAssumeRolePolicy(
          b -> b.roleName(name).policyDocument(Json.write(d.get("assumeRolePolicy"))));
    }
    iam.updateRole(
        b ->
            b.roleName(name)
                .description(d.hasNonNull("description") ? Props.text(d, "description") : "")
                .maxSessionDuration(d.path("maxSessionDuration").asInt(3600)));
    syncPolicies(iam, name, Props.list(d, "managedPolicyArns"));
    Map<String, String> before = AwsTags.user(p);
    Map<String, String> after = AwsTags.user(d);
    List<String> removed = before.keySet().stream().filter(k -> !after.containsKey(k)).toList();
    if (!removed.isEmpty()) {
      iam.untagRole(b -> b.roleName(name).tagKeys(removed));
    }
    if (!after.isEmpty()) {
      iam.tagRole(
          b ->
              b.roleName(name)
                  .tags(
                      after.entrySet().stream()
                          .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                          .toList()));
    }
    return ChangeResult.ok(
        change.name(), change.id(), outputs(iam.getRole(b -> b.roleName(name)).role()));
  }

  @Override
  public ChangeResult delete(AwsClients aws, Change change) {
    String name =
        roleName(
            change.name(), change.id(), change.prior() != null ? change.prior() : change.desired());
    IamClient iam = aws.iam();
    if (role(iam, name, change.id()).isEmpty()) {
      return ChangeResult.ok(change.name(), change.id(), Json.object());
    }
    // IAM refuses to delete a role that still has policies
    for (AttachedPolicy a :
        iam.listAttachedRolePoliciesPaginator(b -> b.roleName(name)).attachedPolicies()) {
      iam.detachRolePolicy(b -> b.roleName(name).policyArn(a.policyArn()));
    }
    for (String inline : iam.listRolePoliciesPaginator(b -> b.roleName(name)).policyNames()) {
      iam.deleteRolePolicy(b -> b.roleName(name).policyName(inline));
    }
    iam.deleteRole(b -> b.roleName(name));
    return ChangeResult.ok(change.name(), change.id(), Json.object());
  }
}
