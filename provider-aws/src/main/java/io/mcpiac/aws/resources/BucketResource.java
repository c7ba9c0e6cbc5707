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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * {@code aws:s3:bucket}, Pulumi's {@code aws.s3.Bucket} with its versioning and, as its own
 * property here, the bucket's public access block (Pulumi's {@code aws.s3.BucketPublicAccessBlock};
 * on by default, as AWS does for new buckets). The name forces a new bucket; versioning, the block
 * and tags change in place. S3 has no filtered listing: a read is a few calls per bucket (tags,
 * versioning, block), by the bucket's name, which is chosen before the create. A delete refuses a
 * bucket that still holds objects unless {@code forceDestroy} is true (Terraform's switch).
 */
public final class BucketResource implements TypeHandler<AwsClients> {
  public static final String TYPE = "aws:s3:bucket";
  private static final List<String> BLOCKS =
      List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets");

  private static final io.mcpiac.engine.resources.ResourceType DEFINITION =
      new io.mcpiac.engine.resources.ResourceType(
          TYPE,
          "An S3 bucket with versioning and its public access block.",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "bucket": {"type": "string", "pattern": "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$",
                             "description": "The bucket's name; default: the resource name and a unique suffix."},
                  "versioning": {"type": "object", "additionalProperties": false,
                                 "properties": {"enabled": {"type": "boolean"}},
                                 "default": {"enabled": false}},
                  "publicAccessBlock": {"type": "object", "additionalProperties": false,
                                        "properties": {
                                          "blockPublicAcls": {"type": "boolean"},
                                          "blockPublicPolicy": {"type": "boolean"},
                                          "ignorePublicAcls": {"type": "boolean"},
                                          "restrictPublicBuckets": {"type": "boolean"}},
                                        "default": {"blockPublicAcls": true, "blockPublicPolicy": true,
                                                    "ignorePublicAcls": true, "restrictPublicBuckets": true}},
                  "forceDestroy": {"type": "boolean", "default": false,
                                   "description": "Delete the bucket's objects (every version) with it."},
                  "tags": {"type": "object", "additionalProperties": {"type": "string"}, "default": {}}
                }
              }
              """),
          Set.of("bucket"),
          Set.of(),
          Map.of(
              "id", "the bucket's name",
              "bucket", "the bucket's name",
              "arn", "the bucket's ARN",
              "bucketDomainName", "bucket.s3.amazonaws.com"),
          false);

  private final AwsTags tags;

  public BucketResource(AwsTags tags) {
    this.tags = tags;
  }

  @Override
  public io.mcpiac.engine.resources.ResourceType type() {
    return DEFINITION;
  }

  /**
   * A block written in part means the rest on, as AWS's own default for new buckets; none written
   * is the whole block, spelled out, so the plan, the state and policies (aws-baseline's public
   * access rule) see the posture the bucket really gets.
   */
  @Override
  public ObjectNode canonical(ObjectNode properties) {
    ObjectNode p = properties.deepCopy();
    if (!p.has("publicAccessBlock")) {
      p.putObject("publicAccessBlock");
    }
    if (p.get("publicAccessBlock") instanceof ObjectNode block) {
      BLOCKS.forEach(
          k -> {
            if (!block.has(k)) {
              block.put(k, true);
            }
          });
    }
    if (p.get("versioning") instanceof ObjectNode v && !v.has("enabled")) {
      v.put("enabled", false);
    }
    return p;
  }

  @Override
  public ObjectNode plannedOutputs(ObjectNode desired, ObjectNode prior) {
    ObjectNode out = prior == null ? Json.object() : prior.deepCopy();
    if (Props.known(desired, "bucket")) {
      out.setAll(outputs(Props.text(desired, "bucket")));
    }
    return out;
  }

  private static String name(String resource, String id, ObjectNode props) {
    String given = Props.text(props, "bucket");
    return given != null ? given : AutoName.dns(resource, id, 63);
  }

  private static ObjectNode outputs(String bucket) {
    ObjectNode o = Json.object();
    o.put("id", bucket);
    o.put("bucket", bucket);
    o.put("arn", "arn:aws:s3:::" + bucket);
    o.put("bucketDomainName", bucket + ".s3.amazonaws.com");
    return o;
  }

  /** The bucket's tags, or empty when there is no such bucket. */
  private static Optional<Map<String, String>> tagsOf(S3Client s3, String bucket) {
    try {
      Map<String, String> out = new LinkedHashMap<>();
      s3.getBucketTagging(b -> b.bucket(bucket)).tagSet().forEach(t -> out.put(t.key(), t.value()));
      return Optional.of(out);
    } catch (AwsServiceException e) {
      String code = AwsErrors.code(e);
      if ("NoSuchTagSet".equals(code) || "NoSuchTagSetError".equals(code)) {
        return Optional.of(Map.of());
      }
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
      String bucket = name(r.name(), r.id(), r.properties());
      Optional<Map<String, String>> t = tagsOf(aws.s3(), bucket);
      // a bucket of that name that is not ours (another id) is not this resource's object
      if (t.isPresent() && r.id().equals(t.get().get(AwsTags.ID))) {
        out.put(r.name(), live(aws.s3(), r.name(), r.id(), bucket, t.get(), r.properties()));
      }
    }
    return out;
  }

  @Override
  public List<LiveResource> importAll(AwsClients aws) {
    List<LiveResource> out = new ArrayList<>();
    for (Bucket b : aws.s3().listBuckets().buckets()) {
      Optional<Map<String, String>> t = tagsOf(aws.s3(), b.name());
      if (t.isPresent() && tags.imports(t.get())) {
        out.add(
            live(
                aws.s3(),
                t.get().get(AwsTags.RESOURCE),
                t.get().get(AwsTags.ID),
                b.name(),
                t.get(),
                null));
      }
    }
    return out;
  }

  private static LiveResource live(
      S3Client s3,
      String name,
      String id,
      String bucket,
      Map<String, String> tagMap,
      ObjectNode recorded) {
    ObjectNode p = Json.object();
    p.put("bucket", bucket);
    ObjectNode versioning = p.putObject("versioning");
    versioning.put(
        "enabled",
        s3.getBucketVersioning(b -> b.bucket(bucket)).status() == BucketVersioningStatus.ENABLED);
    ObjectNode block = p.putObject("publicAccessBlock");
    PublicAccessBlockConfiguration c = publicAccessBlock(s3, bucket);
    block.put("blockPublicAcls", Boolean.TRUE.equals(c.blockPublicAcls()));
    block.put("blockPublicPolicy", Boolean.TRUE.equals(c.blockPublicPolicy()));
    block.put("ignorePublicAcls", Boolean.TRUE.equals(c.ignorePublicAcls()));
    block.put("restrictPublicBuckets", Boolean.TRUE.equals(c.restrictPublicBuckets()));
    // how a delete is done is no setting S3 keeps: the record's, as Terraform keeps it
    if (recorded != null && recorded.has("forceDestroy")) {
      p.set("forceDestroy", recorded.get("forceDestroy").deepCopy());
    }
    p.set("tags", AwsTags.reported(tagMap, recorded));
    return new LiveResource(name, id, p, outputs(bucket));
  }

  /** The bucket's block; none set is all off. */
  private static PublicAccessBlockConfiguration publicAccessBlock(S3Client s3, String bucket) {
    try {
      return s3.getPublicAccessBlock(b -> b.bucket(bucket)).publicAccessBlockConfiguration();
    } catch (AwsServiceException e) {
      if ("NoSuchPublicAccessBlockConfiguration".equals(AwsErrors.code(e))) {
        return PublicAccessBlockConfiguration.builder().build();
      }
      throw e;
    }
  }

  @Override
  public ChangeResult create(AwsClients aws, Change change) {
    String bucket = name(change.name(), change.id(), change.desired());
    S3Client s3 = aws.s3();
    if (tagsOf(s3, bucket).isEmpty()) {
      try {
        s3.createBucket(
            b -> {
              b.bucket(bucket);
              if (!aws.region().equals("us-east-1")) {
                b.createBucketConfiguration(
                    c -> c.locationConstraint(BucketLocationConstraint.fromValue(aws.region())));
              }
            });
      } catch (AwsServiceException e) {
        // made by the try whose answer was lost, before it could be tagged
        if (!"BucketAlreadyOwnedByYou".equals(AwsErrors.code(e))) {
          throw e;
        }
      }
    }
    putTags(s3, bucket, tags.forNew(TYPE, change.id(), change.name(), change.desired()));
    try {
      configure(s3, bucket, change.desired());
    } catch (RuntimeException e) {
      // a failed create leaves nothing behind (see Ec2Handler#completing)
      try {
        s3.deleteBucket(b -> b.bucket(bucket));
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return ChangeResult.ok(change.name(), change.id(), outputs(bucket));
  }

  private static void putTags(S3Client s3, String bucket, Map<String, String> all) {
    List<Tag> set =
        all.entrySet().stream()
            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
            .toList();
    s3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(set)));
  }

  private static void configure(S3Client s3, String bucket, ObjectNode desired) {
    boolean versioned = desired.path("versioning").path("enabled").asBoolean(false);
    s3.putBucketVersioning(
        b ->
            b.bucket(bucket)
                .versioningConfiguration(
                    v ->
                        v.status(
                            versioned
                                ? BucketVersioningStatus.ENABLED
                                : BucketVersioningStatus.SUSPENDED)));
    ObjectNode block = desired.get("publicAccessBlock") instanceof ObjectNode o ? o : Json.object();
    s3.putPublicAccessBlock(
        b ->
            b.bucket(bucket)
                .publicAccessBlockConfiguration(
                    c ->
                        c.blockPublicAcls(block.path("blockPublicAcls").asBoolean(true))
                            .blockPublicPolicy(block.path("blockPublicPolicy").asBoolean(true))
                            .ignorePublicAcls(block.path("ignorePublicAcls").asBoolean(true))
                            .restrictPublicBuckets(
                                block.path("restrictPublicBuckets").asBoolean(true))));
  }

  @Override
  public ChangeResult update(AwsClients aws, Change change) {
    String bucket = name(change.name(), change.id(), change.desired());
    configure(aws.s3(), bucket, change.desired());
    putTags(aws.s3(), bucket, tags.forNew(TYPE, change.id(), change.name(), change.desired()));
    return ChangeResult.ok(change.name(), change.id(), outputs(bucket));
  }

  @Override
  public ChangeResult delete(AwsClients aws, Change change) {
    String bucket = name(change.name(), change.id(), change.prior());
    Optional<Map<String, String>> t = tagsOf(aws.s3(), bucket);
    if (t.isEmpty() || !change.id().equals(t.get().get(AwsTags.ID))) {
      return ChangeResult.ok(change.name(), change.id(), Json.object());
    }
    if (Props.bool(change.prior(), "forceDestroy", false)) {
      empty(aws.s3(), bucket);
    }
    aws.s3().deleteBucket(b -> b.bucket(bucket));
    return ChangeResult.ok(change.name(), change.id(), Json.object());
  }

  /** Every version and delete marker of every object, a page at a time. */
  private static void empty(S3Client s3, String bucket) {
    for (var page : s3.listObjectVersionsPaginator(b -> b.bucket(bucket))) {
      List<ObjectIdentifier> ids = new ArrayList<>();
      page.versions().forEach(v -> ids.add(id(v.key(), v.versionId())));
      page.deleteMarkers().forEach(m -> ids.add(id(m.key(), m.versionId())));
      if (!ids.isEmpty()) {
        s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids).quiet(true)));
      }
    }
  }

  private static ObjectIdentifier id(String key, String version) {
    return ObjectIdentifier.builder().key(key).versionId(version).build();
  }
}
