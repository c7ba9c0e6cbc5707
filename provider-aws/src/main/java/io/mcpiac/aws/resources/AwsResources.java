package io.mcpiac.aws.resources;

import io.mcpiac.aws.AwsSettings;
import io.mcpiac.aws.client.AwsClients;
import io.mcpiac.engine.providers.kit.TypeHandler;
import java.time.Duration;
import java.util.List;

/** The provider's type handlers, wired to one instance's settings. */
public final class AwsResources {
  private AwsResources() {}

  /**
   * @param deployment the deployment the instance serves (its objects are tagged with it); null
   *     when it serves several
   */
  public static List<TypeHandler<AwsClients>> all(AwsSettings settings, String deployment) {
    AwsTags tags = new AwsTags(deployment);
    Waiter waiter = new Waiter(settings.poll());
    Duration timeout = settings.timeout();
    return List.of(
        new VpcResource(tags, waiter, timeout),
        new SubnetResource(tags, waiter, timeout),
        new InternetGatewayResource(tags, waiter, timeout),
        new RouteTableResource(tags, waiter),
        new SecurityGroupResource(tags, waiter, timeout),
        new KeyPairResource(tags, waiter),
        new InstanceResource(tags, waiter, timeout),
        new RdsSubnetGroupResource(tags, waiter),
        new RdsInstanceResource(tags, waiter, timeout),
        new BucketResource(tags),
        new RoleResource(tags));
  }
}
