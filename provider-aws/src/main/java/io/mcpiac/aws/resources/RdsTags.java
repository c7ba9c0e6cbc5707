package io.mcpiac.aws.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * Tags of RDS objects (DB instances, DB subnet groups), which RDS tags by ARN: as a map, as the
 * SDK's list, read with {@code ListTagsForResource} and changed in place.
 */
final class RdsTags {
  private RdsTags() {}

  static Map<String, String> map(List<Tag> list) {
    Map<String, String> out = new LinkedHashMap<>();
    if (list != null) {
      list.forEach(t -> out.put(t.key(), t.value()));
    }
    return out;
  }

  static List<Tag> list(Map<String, String> tags) {
    return tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }

  /** Every tag of the object with that ARN (for objects whose describe answers no tags). */
  static Map<String, String> of(RdsClient rds, String arn) {
    return map(rds.listTagsForResource(b -> b.resourceName(arn)).tagList());
  }

  /**
   * Makes the user's tags of {@code desired} the object's: adds and changes what differs from
   * {@code prior}, removes what the file no longer has. A {@code Name} the file drops goes back to
   * the resource name we set at create, as on every object we make.
   */
  static void update(
      RdsClient rds, String arn, ObjectNode prior, ObjectNode desired, String resource) {
    Map<String, String> before = AwsTags.user(prior);
    Map<String, String> after = AwsTags.user(desired);
    if (before.equals(after)) {
      return;
    }
    Map<String, String> set = new LinkedHashMap<>(after);
    List<String> remove = new ArrayList<>();
    for (String k : before.keySet()) {
      if (!after.containsKey(k)) {
        if (k.equals(AwsTags.NAME)) {
          set.put(AwsTags.NAME, resource);
        } else {
          remove.add(k);
        }
      }
    }
    if (!set.isEmpty()) {
      rds.addTagsToResource(b -> b.resourceName(arn).tags(list(set)));
    }
    if (!remove.isEmpty()) {
      rds.removeTagsFromResource(b -> b.resourceName(arn).tagKeys(remove));
    }
  }
}
