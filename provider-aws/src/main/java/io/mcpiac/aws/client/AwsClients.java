package io.mcpiac.aws.client;

import io.mcpiac.aws.AwsSettings;
import io.mcpiac.engine.providers.ProviderException;
import java.net.URI;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The service clients of one provider instance, made on first use (a plan that touches only EC2
 * never builds the S3 client), all on the JDK's URL connection and one set of settings: endpoint,
 * region and credentials from the SDK's standard chain unless the settings name them.
 */
public final class AwsClients implements AutoCloseable {
  private final AwsSettings settings;
  private final SdkHttpClient http;
  private final Lazy<Region> region;
  private final Lazy<Ec2Client> ec2;
  private final Lazy<RdsClient> rds;
  private final Lazy<S3Client> s3;
  private final Lazy<IamClient> iam;
  private final Lazy<StsClient> sts;

  public AwsClients(AwsSettings settings) {
    this.settings = settings;
    this.http = UrlConnectionHttpClient.builder().build();
    this.region = new Lazy<>(this::resolveRegion);
    this.ec2 = new Lazy<>(() -> configure(Ec2Client.builder()).build());
    this.rds = new Lazy<>(() -> configure(RdsClient.builder()).build());
    this.iam = new Lazy<>(() -> configure(IamClient.builder()).build());
    this.sts = new Lazy<>(() -> configure(StsClient.builder()).build());
    this.s3 =
        new Lazy<>(
            () ->
                configure(S3Client.builder())
                    // an endpoint of our own (Moto, MinIO) has no bucket sub-domains
                    .forcePathStyle(settings.endpoint() != null)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .build());
  }

  public AwsSettings settings() {
    return settings;
  }

  public Ec2Client ec2() {
    return ec2.get();
  }

  public RdsClient rds() {
    return rds.get();
  }

  public S3Client s3() {
    return s3.get();
  }

  public IamClient iam() {
    return iam.get();
  }

  public StsClient sts() {
    return sts.get();
  }

  public String region() {
    return region.get().id();
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
    builder.region(region.get()).credentialsProvider(credentials());
    if (builder
        instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> s) {
      s.httpClient(http);
    }
    builder.overrideConfiguration(
        ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build());
    if (settings.endpoint() != null) {
      builder.endpointOverride(URI.create(settings.endpoint()));
    }
    return builder;
  }

  private AwsCredentialsProvider credentials() {
    return settings.profile() != null
        ? ProfileCredentialsProvider.create(settings.profile())
        : DefaultCredentialsProvider.builder().build();
  }

  private Region resolveRegion() {
    if (settings.region() != null) {
      return Region.of(settings.region());
    }
    try {
      return settings.profile() != null
          ? DefaultAwsRegionProviderChain.builder()
              .profileName(settings.profile())
              .build()
              .getRegion()
          : new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      throw new ProviderException(
          "aws: no region: set AWS_REGION (or AWS_DEFAULT_REGION), a profile's region, or"
              + " spec.providers.aws.region");
    }
  }

  @Override
  public void close() {
    ec2.closeIfMade();
    rds.closeIfMade();
    s3.closeIfMade();
    iam.closeIfMade();
    sts.closeIfMade();
    http.close();
  }

  /** A value made once, on first use, by whichever thread asks first. */
  private static final class Lazy<T> {
    private final Supplier<T> make;
    private volatile T value;

    Lazy(Supplier<T> make) {
      this.make = make;
    }

    T get() {
      T v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            v = make.get();
            value = v;
          }
        }
      }
      return v;
    }

    void closeIfMade() {
      if (value instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception ignored) {
          // closing a client frees its resources; nothing to tell the user
        }
      }
    }
  }
}
