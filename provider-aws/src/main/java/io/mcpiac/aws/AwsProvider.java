package io.mcpiac.aws;

import io.mcpiac.aws.client.AwsClients;
import io.mcpiac.aws.resources.AwsErrors;
import io.mcpiac.aws.resources.AwsResources;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.kit.Failure;
import io.mcpiac.engine.providers.kit.KitProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The {@code aws} provider: VPCs, subnets, security groups, EC2 instances and RDS databases in one
 * account and region, one {@link io.mcpiac.engine.providers.kit.TypeHandler} each (see {@link
 * AwsResources}). Everything it creates is tagged with the id chosen before the create, its
 * resource name and type, and the deployment, so reads find it with one filtered describe per type
 * and a create whose answer was lost is found again instead of made twice.
 */
public final class AwsProvider extends KitProvider<AwsClients> {
  public static final String NAME = "aws";

  private final AwsClients aws;

  /**
   * @param deployment the deployment the instance serves (its objects are tagged with it); null
   *     when it serves several (an MCP server)
   */
  public AwsProvider(AwsSettings settings, String deployment) {
    super(NAME, AwsResources.all(settings, deployment));
    this.aws = new AwsClients(settings);
  }

  /** The clients are made on first use; a session is the instance's clients. */
  @Override
  protected AwsClients session() {
    return aws;
  }

  /**
   * AWS's answer to one change is that change's failure, with AWS's code and message; no answer at
   * all (endpoint unreachable, connection dropped) fails the batch, so the engine finds out by a
   * read what was done.
   */
  @Override
  protected Failure classify(RuntimeException e) {
    if (e instanceof AwsServiceException a) {
      return new Failure.OfChange(AwsErrors.message(a));
    }
    if (e instanceof SdkClientException c) {
      return new Failure.OfBatch(
          new ProviderException("aws: no answer from " + where() + ": " + c.getMessage(), c));
    }
    return Failure.ofChange(e);
  }

  /** One cheap call that needs valid credentials: who am I. */
  @Override
  public void probe() {
    try {
      aws.sts().getCallerIdentity();
    } catch (AwsServiceException e) {
      throw new ProviderException(
          "aws: "
              + where()
              + " refused the credentials ("
              + AwsErrors.message(e)
              + "); set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE",
          e);
    } catch (SdkClientException e) {
      if (String.valueOf(e.getMessage()).contains("Unable to load credentials")) {
        throw new ProviderException(
            "aws: no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE"
                + " (or spec.providers.aws.profile)",
            e);
      }
      throw new ProviderException(
          "aws: cannot reach "
              + where()
              + " ("
              + e.getMessage()
              + "); check AWS_ENDPOINT_URL or spec.providers.aws.endpoint, and the credentials",
          e);
    }
  }

  /**
   * AWS has nothing to commit per batch, and a create may wait minutes for its object: one change
   * per call lets the engine run independent ones at the same time (two instances launch and wait
   * together, not one after the other).
   */
  @Override
  public int maxBatchSize() {
    return 1;
  }

  @Override
  public String endpoint() {
    return aws.settings().endpoint();
  }

  private String where() {
    String endpoint = aws.settings().endpoint();
    return endpoint != null ? endpoint : "AWS (region " + aws.region() + ")";
  }

  @Override
  public void close() {
    aws.close();
  }
}
