package io.mcpiac.aws.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.aws.client.AwsClients;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.kit.Props;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * {@code aws:ec2:key-pair}, Pulumi's {@code aws.ec2.KeyPair}: an existing public key imported under
 * a name (AWS never holds the private key). Name and key force a new pair; tags change in place.
 * Instances use it with {@code keyName: ${NAME.keyName}}.
 */
public final class KeyPairResource extends Ec2Handler<KeyPairInfo> {
  public static final String TYPE = "aws:ec2:key-pair";

  private static final io.mcpiac.engine.resources.ResourceType DEFINITION =
      new io.mcpiac.engine.resources.ResourceType(
          TYPE,
          "An EC2 key pair from a public key. Instances use it with keyName: ${NAME.keyName}.",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "required": ["publicKey"],
                "properties": {
                  "keyName": {"type": "string", "minLength": 1, "maxLength": 255,
                              "description": "default: the resource name and a unique suffix"},
                  "publicKey": {"type": "string", "minLength": 1, "examples": ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI… me@laptop"], "description": "OpenSSH public key (ssh-rsa … or ssh-ed25519 …)."},
                  "tags": {"type": "object", "additionalProperties": {"type": "string"}, "default": {}}
                }
              }
              """),
          Set.of("keyName", "publicKey"),
          Set.of(),
          Map.of(
              "id", "the key pair's id (key-…)",
              "keyName", "its name, for an instance's keyName",
              "fingerprint", "AWS's fingerprint of the key"),
          false);

  public KeyPairResource(AwsTags tags, Waiter waiter) {
    super(tags, waiter);
  }

  @Override
  public io.mcpiac.engine.resources.ResourceType type() {
    return DEFINITION;
  }

  /** A key file's trailing newline is no part of the key. */
  @Override
  public ObjectNode canonical(ObjectNode properties) {
    ObjectNode p = properties.deepCopy();
    if (p.has("publicKey") && p.get("publicKey").isTextual()) {
      p.put("publicKey", p.get("publicKey").asText().trim());
    }
    return p;
  }

  @Override
  public ObjectNode plannedOutputs(ObjectNode desired, ObjectNode prior) {
    ObjectNode out = prior == null ? Json.object() : prior.deepCopy();
    if (Props.known(desired, "keyName")) {
      out.put("keyName", Props.text(desired, "keyName"));
    }
    return out;
  }

  @Override
  protected List<KeyPairInfo> describe(Ec2Client ec2, List<Filter> filters) {
    return ec2.describeKeyPairs(
            DescribeKeyPairsRequest.builder().filters(filters).includePublicKey(true).build())
        .keyPairs();
  }

  @Override
  protected List<Tag> tagsOf(KeyPairInfo k) {
    return k.tags();
  }

  @Override
  protected ResourceType tagType() {
    return ResourceType.KEY_PAIR;
  }

  @Override
  protected ObjectNode properties(Ec2Client ec2, KeyPairInfo k, ObjectNode recorded) {
    ObjectNode p = Json.object();
    p.put("keyName", k.keyName());
    if (k.publicKey() != null) {
      // AWS appends the key's name as its comment: compare the key itself
      String live = keyOnly(k.publicKey());
      String wanted = recorded == null ? null : Props.text(recorded, "publicKey");
      p.put("publicKey", wanted != null && keyOnly(wanted).equals(live) ? wanted : live);
    }
    p.set("tags", reportedTags(k.tags(), recorded));
    return p;
  }

  /** The type and the base64 body of an OpenSSH key, without its comment. */
  private static String keyOnly(String key) {
    String[] parts = key.trim().split("\\s+");
    return parts.length >= 2 ? parts[0] + " " + parts[1] : key.trim();
  }

  @Override
  protected ObjectNode outputs(KeyPairInfo k) {
    ObjectNode o = Json.object();
    o.put("id", k.keyPairId());
    o.put("keyName", k.keyName());
    o.put("fingerprint", k.keyFingerprint());
    return o;
  }

  @Override
  public ChangeResult create(AwsClients aws, Change change) {
    String name = AutoName.of(change, "keyName");
    KeyPairInfo k =
        find(aws, change.id())
            .orElseGet(
                () -> {
                  aws.ec2()
                      .importKeyPair(
                          b ->
                              b.keyName(name)
                                  .publicKeyMaterial(
                                      SdkBytes.fromString(
                                          Props.text(change.desired(), "publicKey"),
                                          StandardCharsets.UTF_8))
                                  .tagSpecifications(tagSpecification(change)));
                  return find(aws, change.id())
                      .orElseThrow(() -> new ProviderException("the imported key is not listed"));
                });
    return existing(change, k);
  }

  @Override
  public ChangeResult update(AwsClients aws, Change change) {
    KeyPairInfo k =
        find(aws, change.id()).orElseThrow(() -> new ProviderException("the key pair is gone"));
    updateTags(aws.ec2(), k.keyPairId(), change);
    return existing(change, k);
  }

  @Override
  protected void remove(AwsClients aws, KeyPairInfo k, Change change) {
    // by name: AWS takes the id too, Moto only the name
    aws.ec2().deleteKeyPair(b -> b.keyName(k.keyName()));
  }
}
