package io.mcpiac.aws.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.aws.client.AwsClients;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.kit.TypeHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteTagsRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * What every EC2 type (VPC, subnet, gateway, route table, security group, key pair, instance)
 * shares: objects tagged at creation (in the create call itself, so no object exists untagged),
 * found by one describe filtered on the id tag, imported by the deployment tag, their user tags
 * updated in place, deleted when found and done when not.
 *
 * @param <T> the SDK's description of one object ({@code Vpc}, {@code Instance})
 */
abstract class Ec2Handler<T> implements TypeHandler<AwsClients> {
  protected final AwsTags tags;
  protected final Waiter waiter;

  Ec2Handler(AwsTags tags, Waiter waiter) {
    this.tags = tags;
    this.waiter = waiter;
  }

  /** One describe call (all pages) with {@code filters}; objects on their way out excluded. */
  protected abstract List<T> describe(Ec2Client ec2, List<Filter> filters);

  protected abstract List<Tag> tagsOf(T object);

  /**
   * The object in the type's properties, {@code recorded} giving the shape (may be null); {@code
   * ec2} for what the describe does not carry.
   */
  protected abstract ObjectNode properties(Ec2Client ec2, T object, ObjectNode recorded);

  protected abstract ObjectNode outputs(T object);

  /** The EC2 resource type of a tag specification at creation. */
  protected abstract ResourceType tagType();

  @Override
  public Map<String, LiveResource> read(AwsClients aws, List<ReadRequest> requests) {
    List<String> ids = requests.stream().map(ReadRequest::id).toList();
    Map<String, T> byId = new HashMap<>();
    for (T o : describe(aws.ec2(), List.of(tagFilter(AwsTags.ID, ids)))) {
      byId.put(tagMap(tagsOf(o)).get(AwsTags.ID), o);
    }
    Map<String, LiveResource> out = new LinkedHashMap<>();
    for (ReadRequest r : requests) {
      T o = byId.get(r.id());
      if (o != null) {
        out.put(
            r.name(),
            new LiveResource(
                r.name(), r.id(), properties(aws.ec2(), o, r.properties()), outputs(o)));
      }
    }
    return out;
  }

  @Override
  public List<LiveResource> importAll(AwsClients aws) {
    Map.Entry<String, String> f = tags.importFilter();
    List<LiveResource> out = new ArrayList<>();
    for (T o : describe(aws.ec2(), List.of(tagFilter(f.getKey(), List.of(f.getValue()))))) {
      Map<String, String> t = tagMap(tagsOf(o));
      out.add(
          new LiveResource(
              t.get(AwsTags.RESOURCE),
              t.get(AwsTags.ID),
              properties(aws.ec2(), o, null),
              outputs(o)));
    }
    return out;
  }

  /** The object tagged with {@code id}, if it exists. */
  protected Optional<T> find(AwsClients aws, String id) {
    List<T> found = describe(aws.ec2(), List.of(tagFilter(AwsTags.ID, List.of(id))));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** The tag specification of a create: ours and the user's, in the create call itself. */
  protected TagSpecification tagSpecification(Change change) {
    return TagSpecification.builder()
        .resourceType(tagType())
        .tags(toTags(tags.forNew(type().name(), change.id(), change.name(), change.desired())))
        .build();
  }

  /**
   * The steps of a create after the create call (attributes, rules, attachments): when one fails,
   * the object is deleted again, so a failed create leaves nothing behind and a second try with a
   * new id does not meet a half-made one; then the failure goes on.
   */
  protected void completing(AwsClients aws, T object, Change change, Runnable steps) {
    try {
      steps.run();
    } catch (RuntimeException e) {
      try {
        remove(aws, object, change);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /** A create that finds its object already there (its answer was lost) answers with it. */
  protected ChangeResult existing(Change change, T object) {
    return ChangeResult.ok(change.name(), change.id(), outputs(object));
  }

  /**
   * The user's tags from {@code prior} to {@code desired}: new and changed set, dropped removed.
   */
  protected void updateTags(Ec2Client ec2, String awsId, Change change) {
    Map<String, String> before = AwsTags.user(change.prior());
    Map<String, String> after = AwsTags.user(change.desired());
    Map<String, String> set = new LinkedHashMap<>();
    after.forEach(
        (k, v) -> {
          if (!v.equals(before.get(k))) {
            set.put(k, v);
          }
        });
    List<Tag> remove = new ArrayList<>();
    for (String k : before.keySet()) {
      if (!after.containsKey(k)) {
        if (k.equals(AwsTags.NAME)) {
          set.put(AwsTags.NAME, change.name()); // back to the name we give every object
        } else {
          remove.add(Tag.builder().key(k).build());
        }
      }
    }
    if (!set.isEmpty()) {
      ec2.createTags(CreateTagsRequest.builder().resources(awsId).tags(toTags(set)).build());
    }
    if (!remove.isEmpty()) {
      ec2.deleteTags(DeleteTagsRequest.builder().resources(awsId).tags(remove).build());
    }
  }

  @Override
  public ChangeResult delete(AwsClients aws, Change change) {
    Optional<T> found = find(aws, change.id());
    if (found.isPresent()) {
      remove(aws, found.get(), change);
    }
    return ChangeResult.ok(change.name(), change.id(), Json.object());
  }

  /** Deletes the object (and waits until it is gone where AWS deletes in the background). */
  protected abstract void remove(AwsClients aws, T object, Change change);

  static Filter tagFilter(String key, List<String> values) {
    return values.equals(List.of("*"))
        ? Filter.builder().name("tag-key").values(key).build()
        : Filter.builder().name("tag:" + key).values(values).build();
  }

  static Filter filter(String name, String... values) {
    return Filter.builder().name(name).values(values).build();
  }

  static Map<String, String> tagMap(List<Tag> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    if (tags != null) {
      tags.forEach(t -> out.put(t.key(), t.value()));
    }
    return out;
  }

  static List<Tag> toTags(Map<String, String> map) {
    return map.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }

  /** The {@code tags} property as read, in the shape of the record. */
  static ObjectNode reportedTags(List<Tag> tags, ObjectNode recorded) {
    return AwsTags.reported(tagMap(tags), recorded);
  }
}
