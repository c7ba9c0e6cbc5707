package io.mcpiac.docker.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Image;
import io.mcpiac.docker.client.DockerConnection;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.kit.Outcome;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.resources.ResourceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code docker:image:build}: an image built from a Dockerfile and a context directory. The image
 * records the digest of what it was built from in a label; a plan compares it with the files as
 * they are now and shows a difference as a change of {@code context}, which forces a rebuild.
 */
public final class ImageBuildResource implements ReplacedOnChange {
  public static final String TYPE = "docker:image:build";

  private static final ResourceType DEFINITION =
      new ResourceType(
          TYPE,
          "An image built from a Dockerfile. A relative context resolves against the deployment"
              + " file's directory, a relative dockerfile against the context (default: Dockerfile in the"
              + " context). Rebuilt when the context's files, the Dockerfile, the tags or the build"
              + " arguments change; run it with image: ${NAME.imageId}.",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "required": ["context"],
                "properties": {
                  "context": {"type": "string", "minLength": 1, "description": "The build context directory."},
                  "dockerfile": {"type": "string", "minLength": 1,
                                 "description": "The Dockerfile, relative to the context; default Dockerfile."},
                  "tags": {"type": "array", "uniqueItems": true,
                           "items": {"type": "string", "pattern": "^[a-z0-9][a-z0-9._/:-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$"},
                           "description": "Tags to give the image, e.g. my/app:1."},
                  "buildArgs": {"type": "object", "additionalProperties": {"type": ["string", "number", "boolean"]},
                                "description": "Values of the Dockerfile's ARGs."},
                  "target": {"type": "string", "minLength": 1, "description": "The stage of a multi-stage build to stop at."},
                  "labels": {"type": "object", "additionalProperties": {"type": "string"},
                             "description": "Labels of the image."},
                  "allowContextOutside": {"type": "boolean",
                             "description": "Build from a context outside the deployment's directory tree (it is sent to the Docker Engine whole)."}
                }
              }
              """),
          Set.of("context", "dockerfile", "tags", "buildArgs", "target", "labels"),
          Set.of(),
          Map.of(
              "imageId", "the image's id (sha256:…); use it as a container's image",
              "contextDigest", "digest of the context and Dockerfile the image was built from",
              "tags", "the image's tags"),
          // the new image takes over the tags; the old one goes afterwards
          true);

  private final DockerConnection docker;
  private final DeferredImageRemovals deferred;

  /**
   * Resource name → id of the image this instance built (or adopted) last for it: a delete of an
   * older id with a newer build is the second half of a replacement, which always runs in one
   * process.
   */
  private final Map<String, String> latestBuild = new java.util.concurrent.ConcurrentHashMap<>();

  /** What a relative context is relative to; null: the working directory. */
  private final Path baseDirectory;

  private final ManagedLabels managed;

  ImageBuildResource(
      DockerConnection docker,
      ManagedLabels managed,
      DeferredImageRemovals deferred,
      Path baseDirectory) {
    this.docker = docker;
    this.managed = managed;
    this.deferred = deferred;
    this.baseDirectory = baseDirectory;
  }

  @Override
  public ResourceType type() {
    return DEFINITION;
  }

  private List<Image> list(String label, String value) {
    return docker.client().listImagesCmd().withLabelFilter(Map.of(label, value)).exec();
  }

  @Override
  public Map<String, LiveResource> read(DockerConnection session, List<ReadRequest> requests) {
    // an image whose removal is deferred (a container still runs it) is already gone for us
    List<Image> listed =
        list(ManagedLabels.MANAGED, "true").stream()
            .filter(image -> !deferred.isPending(image.getId()))
            .toList();
    return ManagedLabels.matchById(
        listed,
        Image::getLabels,
        requests,
        (r, image) -> live(r.name(), r.id(), image, r.properties()));
  }

  @Override
  public List<LiveResource> importAll(DockerConnection session) {
    List<LiveResource> out = new ArrayList<>();
    for (Image image :
        docker.client().listImagesCmd().withLabelFilter(managed.importFilter()).exec()) {
      Map<String, String> labels = image.getLabels();
      out.add(
          live(ManagedLabels.resourceOf(labels), ManagedLabels.idOf(labels), image, Json.object()));
    }
    return out;
  }

  /**
   * The live image in the type's properties. {@code context} is reported as recorded while the
   * files still hash to what the image was built from; otherwise it names both digests, so the plan
   * shows why the image is rebuilt.
   */
  private LiveResource live(String name, String id, Image image, ObjectNode recorded) {
    ObjectNode props = Json.object();
    List<String> tags = tagsOf(image);
    List<String> recordedTags = Props.list(recorded, "tags");
    props.set("labels", ManagedLabels.reported(image.getLabels(), recorded));
    props.set(
        "tags",
        Json.MAPPER.valueToTree(
            new HashSet<>(tags).equals(new HashSet<>(recordedTags)) ? recordedTags : tags));
    String builtFrom = image.getLabels().get(ManagedLabels.CONTEXT_DIGEST);
    String context = Props.text(recorded, "context");
    if (context != null && builtFrom != null) {
      String now = currentDigest(recorded);
      props.put(
          "context",
          now == null || now.equals(builtFrom)
              ? context
              : context
                  + " (built from "
                  + shortDigest(builtFrom)
                  + "; the files are now "
                  + shortDigest(now)
                  + ")");
    }
    return new LiveResource(name, id, props, outputs(image.getId(), builtFrom, tags));
  }

  /** The digest of the context as it is now; null when it cannot be read. */
  private String currentDigest(ObjectNode props) {
    if (!Props.known(props, "context")
        || !Props.known(props, "dockerfile") && props.has("dockerfile")) {
      return null;
    }
    BuildContext context =
        BuildContext.of(
            baseDirectory, Props.text(props, "context"), Props.text(props, "dockerfile"));
    if (!context.problem().done()) {
      return null;
    }
    try {
      return context.digest();
    } catch (UncheckedIOException e) {
      return null;
    }
  }

  private static String shortDigest(String digest) {
    return digest.length() > 19 ? digest.substring(0, 19) : digest;
  }

  private static List<String> tagsOf(Image image) {
    List<String> tags = new ArrayList<>();
    if (image.getRepoTags() != null) {
      Arrays.stream(image.getRepoTags()).filter(t -> !t.startsWith("<none>")).forEach(tags::add);
    }
    return tags;
  }

  private static ObjectNode outputs(String imageId, String contextDigest, List<String> tags) {
    ObjectNode outputs = Json.object();
    outputs.put("imageId", imageId);
    outputs.put("contextDigest", contextDigest);
    outputs.set("tags", Json.MAPPER.valueToTree(tags));
    return outputs;
  }

  /** The plan shows the digest the build will have; the image id only exists after the build. */
  @Override
  public ObjectNode plannedOutputs(ObjectNode desired, ObjectNode prior) {
    ObjectNode out = prior == null ? Json.object() : prior.deepCopy();
    String digest = currentDigest(desired);
    if (digest != null) {
      out.put("contextDigest", digest);
    }
    if (Props.known(desired, "tags")) {
      out.set("tags", desired.get("tags").deepCopy());
    }
    return out;
  }

  @Override
  public Map<String, String> validate(String name, ObjectNode properties) {
    if (!Props.known(properties, "context")
        || properties.has("dockerfile") && !Props.known(properties, "dockerfile")) {
      return Map.of();
    }
    BuildContext context =
        BuildContext.of(
            baseDirectory, Props.text(properties, "context"), Props.text(properties, "dockerfile"));
    Outcome problem = context.problem();
    if (problem.done() && !properties.path("allowContextOutside").asBoolean(false)) {
      problem = context.outsideOf(baseDirectory);
    }
    if (!(problem instanceof Outcome.Failed failed)) {
      return Map.of();
    }
    return Map.of(
        failed.reason().contains("Dockerfile") ? "dockerfile" : "context", failed.reason());
  }

  @Override
  public ChangeResult create(DockerConnection session, Change change) {
    ObjectNode props = change.desired();
    List<String> tags = Props.list(props, "tags");
    // a build whose answer was lost, or the undo of a removal that was deferred: adopt it
    for (Image image : list(ManagedLabels.ID, change.id())) {
      deferred.cancel(change.id());
      latestBuild.put(change.name(), change.id());
      for (String tag : tags) {
        tag(image.getId(), tag);
      }
      return ChangeResult.ok(
          change.name(),
          change.id(),
          outputs(image.getId(), image.getLabels().get(ManagedLabels.CONTEXT_DIGEST), tags));
    }
    BuildContext context =
        BuildContext.of(
            baseDirectory, Props.text(props, "context"), Props.text(props, "dockerfile"));
    if (context.problem() instanceof Outcome.Failed problem) {
      return ChangeResult.failed(change.name(), problem.reason());
    }
    Path tar = null;
    try {
      String digest = context.digest();
      tar = Files.createTempFile("mcp-iac-build-", ".tar");
      try (OutputStream out = Files.newOutputStream(tar)) {
        context.writeTar(out);
      }
      Map<String, String> labels = new LinkedHashMap<>(Props.map(props, "labels"));
      labels.putAll(managed.forNew(TYPE, change.id(), change.name()));
      labels.put(ManagedLabels.CONTEXT_DIGEST, digest);
      BuildOutput output = new BuildOutput();
      try (InputStream in = Files.newInputStream(tar)) {
        BuildImageCmd cmd =
            docker
                .client()
                .buildImageCmd(in)
                .withDockerfilePath(context.dockerfileInTar())
                .withLabels(labels)
                .withRemove(true)
                .withForcerm(true)
                .withPull(false);
        if (!tags.isEmpty()) {
          cmd.withTags(new HashSet<>(tags));
        }
        if (Props.text(props, "target") != null) {
          cmd.withTarget(Props.text(props, "target"));
        }
        Props.map(props, "buildArgs").forEach(cmd::withBuildArg);
        // the classic builder answers with the short id
        String imageId =
            docker.client().inspectImageCmd(cmd.exec(output).awaitImageId()).exec().getId();
        latestBuild.put(change.name(), change.id());
        return ChangeResult.ok(change.name(), change.id(), outputs(imageId, digest, tags));
      } catch (DockerClientException e) {
        return ChangeResult.failed(
            change.name(), "building the image failed: " + e.getMessage() + output.tail());
      }
    } catch (IOException | UncheckedIOException e) {
      return ChangeResult.failed(
          change.name(), "reading the build context failed: " + e.getMessage());
    } finally {
      if (tar != null) {
        try {
          Files.deleteIfExists(tar);
        } catch (IOException ignored) {
          // a temp file left behind
        }
      }
    }
  }

  private void tag(String imageId, String tag) {
    int colon = tag.lastIndexOf(':');
    boolean hasTag = colon > tag.lastIndexOf('/');
    String repository = hasTag ? tag.substring(0, colon) : tag;
    String version = hasTag ? tag.substring(colon + 1) : "latest";
    docker.client().tagImageCmd(imageId, repository, version).withForce(true).exec();
  }

  @Override
  public ChangeResult delete(DockerConnection session, Change change) {
    for (Image image : list(ManagedLabels.ID, change.id())) {
      try {
        docker.client().removeImageCmd(image.getId()).withForce(true).exec();
      } catch (NotFoundException gone) {
        // already removed
      } catch (ConflictException inUse) {
        if (!hasSuccessor(change, image)) {
          return ChangeResult.failed(
              change.name(), "the image is still in use: " + DockerErrors.message(inUse));
        }
        // a rebuild: the containers that run the old image are replaced after it
        deferred.defer(image.getId(), change.id());
      }
    }
    return ChangeResult.ok(change.name(), change.id(), Json.object());
  }

  /** Whether this instance built a newer image for the resource: the delete ends a rebuild. */
  private boolean hasSuccessor(Change change, Image old) {
    String newer = latestBuild.get(change.name());
    return newer != null
        && !newer.equals(change.id())
        && list(ManagedLabels.ID, newer).stream().anyMatch(i -> !i.getId().equals(old.getId()));
  }

  /** Keeps the build's last lines for an error message. */
  private static final class BuildOutput extends BuildImageResultCallback {
    private final Deque<String> lines = new ArrayDeque<>();

    @Override
    public void onNext(BuildResponseItem item) {
      String text =
          item.getStream() != null
              ? item.getStream()
              : item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : null;
      if (text != null && !text.isBlank()) {
        synchronized (lines) {
          lines.addLast(text.strip());
          if (lines.size() > 10) {
            lines.removeFirst();
          }
        }
      }
      super.onNext(item);
    }

    String tail() {
      synchronized (lines) {
        return lines.isEmpty() ? "" : "\n" + String.join("\n", lines);
      }
    }
  }
}
