package io.mcpiac.aws;

import static io.mcpiac.aws.MotoEngine.assertBefore;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.aws.resources.AwsTags;
import io.mcpiac.engine.execution.ProgressEvent;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * A VPC with two subnets, two security groups, two instances and a PostgreSQL database through the
 * engine (SQLite state) against Moto: applied, planned again with nothing to do, changed (an
 * instance type and a database class in place, a rule added, an AMI replacing an instance),
 * destroyed. Every check is on Moto's side, with describe calls, and on the state database.
 *
 * <p>Moto is laxer than AWS: state changes are instant (the waiters pass at once), and it deletes a
 * VPC, subnet or group that still has dependents, so a wrong delete order would not fail here. The
 * order is checked on our side instead: the engine's own progress events must show every dependent
 * gone before what it depends on.
 */
class AwsStackEngineTest {
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String deployment = "aws-stack-" + run;
  @RegisterExtension final MotoEngine aws = new MotoEngine(deployment);

  private String stack(String appType, String app2Ami, String dbClass, boolean ssh) {
    return """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: %s}
        spec:
          resources:
            - type: aws:vpc:vpc
              name: vpc
              properties: {cidrBlock: 10.40.0.0/16, enableDnsHostnames: true, tags: {env: test}}
            - type: aws:vpc:subnet
              name: subnet-a
              properties: {vpcId: "${vpc.id}", cidrBlock: 10.40.1.0/24, availabilityZone: us-east-1a}
            - type: aws:vpc:subnet
              name: subnet-b
              properties: {vpcId: "${vpc.id}", cidrBlock: 10.40.2.0/24, availabilityZone: us-east-1b}
            - type: aws:ec2:security-group
              name: web-sg
              properties:
                vpcId: "${vpc.id}"
                ingress:
                  - {protocol: tcp, fromPort: 443, toPort: 443, cidrBlocks: [0.0.0.0/0]}
                  %s
            - type: aws:ec2:security-group
              name: db-sg
              properties:
                vpcId: "${vpc.id}"
                ingress: [{protocol: tcp, fromPort: 5432, toPort: 5432, securityGroups: ["${web-sg.id}"]}]
            - type: aws:ec2:instance
              name: app-1
              properties:
                ami: %s
                instanceType: %s
                subnet: "${aws:vpc:subnet-a.id}"
                vpcSecurityGroupIds: ["${web-sg.id}"]
            - type: aws:ec2:instance
              name: app-2
              properties:
                ami: %s
                instanceType: t3.micro
                subnetId: "${subnet-b.id}"
                vpcSecurityGroupIds: ["${web-sg.id}"]
            - type: aws:rds:instance
              name: app-db
              properties:
                engine: postgres
                instanceClass: %s
                username: portal
                password: s3cret-Passw0rd-%s
                vpcSecurityGroupIds: ["${db-sg.id}"]
                skipFinalSnapshot: true
            - type: core:data
              name: backends
              properties: {input: ["${aws:ec2:app-1.ip}", "${aws:ec2:app-2.ip}", "${app-db.address}"]}
        """
        .formatted(
            deployment,
            ssh ? "- {protocol: tcp, fromPort: 22, toPort: 22, cidrBlocks: [10.0.0.0/8]}" : "",
            Moto.AMI,
            appType,
            app2Ami,
            dbClass,
            run);
  }

  // ---- Moto's side ----

  private List<Filter> ours() {
    return List.of(Moto.deploymentFilter(deployment));
  }

  private static String tag(List<Tag> tags, String key) {
    return tags.stream().filter(t -> t.key().equals(key)).map(Tag::value).findFirst().orElse(null);
  }

  private Map<String, Instance> instances() {
    return aws.moto.instances(AwsTags.DEPLOYMENT, deployment).stream()
        .collect(Collectors.toMap(i -> tag(i.tags(), AwsTags.RESOURCE), i -> i));
  }

  private Map<String, SecurityGroup> groups() {
    return aws.moto.ec2.describeSecurityGroups(b -> b.filters(ours())).securityGroups().stream()
        .collect(Collectors.toMap(g -> tag(g.tags(), AwsTags.RESOURCE), g -> g));
  }

  private List<DBInstance> databases() {
    return aws.moto.rds.describeDBInstances().dbInstances().stream()
        .filter(db -> deployment.equals(tag(db, AwsTags.DEPLOYMENT)))
        .toList();
  }

  private static String tag(DBInstance db, String key) {
    return db.tagList().stream()
        .filter(t -> t.key().equals(key))
        .map(t -> t.value())
        .findFirst()
        .orElse(null);
  }

  @Test
  void appliesChangesAndDestroysAStackOfSevenObjects() throws Exception {
    // ---- apply ----
    Plan first = aws.plan((stack("t3.micro", Moto.AMI, "db.t3.micro", false)));
    assertThat(first.count(ActionType.CREATE)).isEqualTo(9);
    aws.apply(first, new ArrayList<>());

    List<Vpc> vpcs = aws.moto.ec2.describeVpcs(b -> b.filters(ours())).vpcs();
    assertThat(vpcs).hasSize(1);
    Vpc vpc = vpcs.get(0);
    assertThat(vpc.cidrBlock()).isEqualTo("10.40.0.0/16");
    assertThat(tag(vpc.tags(), "env")).isEqualTo("test");
    assertThat(tag(vpc.tags(), AwsTags.RESOURCE)).isEqualTo("vpc");
    assertThat(tag(vpc.tags(), "Name")).isEqualTo("vpc");
    assertThat(aws.outputs("vpc").path("id").asText()).isEqualTo(vpc.vpcId());

    Map<String, Subnet> subnets =
        aws.moto.ec2.describeSubnets(b -> b.filters(ours())).subnets().stream()
            .collect(Collectors.toMap(s -> tag(s.tags(), AwsTags.RESOURCE), s -> s));
    assertThat(subnets.keySet()).containsExactlyInAnyOrder("subnet-a", "subnet-b");
    assertThat(subnets.get("subnet-a").vpcId()).isEqualTo(vpc.vpcId());
    assertThat(subnets.get("subnet-b").availabilityZone()).isEqualTo("us-east-1b");

    Map<String, SecurityGroup> groups = groups();
    SecurityGroup web = groups.get("web-sg");
    assertThat(web.vpcId()).isEqualTo(vpc.vpcId());
    assertThat(web.ipPermissions()).hasSize(1);
    assertThat(web.ipPermissions().get(0).fromPort()).isEqualTo(443);
    assertThat(web.ipPermissions().get(0).ipRanges().get(0).cidrIp()).isEqualTo("0.0.0.0/0");
    assertThat(web.ipPermissionsEgress())
        .as("AWS's default allow-all egress is removed when the file asks for none")
        .isEmpty();
    assertThat(groups.get("db-sg").ipPermissions().get(0).userIdGroupPairs().get(0).groupId())
        .isEqualTo(web.groupId());

    Map<String, Instance> instances = instances();
    assertThat(instances.keySet()).containsExactlyInAnyOrder("app-1", "app-2");
    Instance app1 = instances.get("app-1");
    Instance app2 = instances.get("app-2");
    assertThat(app1.state().nameAsString()).isEqualTo("running");
    assertThat(app1.subnetId())
        .as("the seed's subnet alias")
        .isEqualTo(subnets.get("subnet-a").subnetId());
    assertThat(app2.subnetId()).isEqualTo(subnets.get("subnet-b").subnetId());
    assertThat(app1.securityGroups().get(0).groupId()).isEqualTo(web.groupId());
    assertThat(app1.instanceTypeAsString()).isEqualTo("t3.micro");
    assertThat(aws.outputs("app-1").path("ip").asText()).isEqualTo(app1.privateIpAddress());
    assertThat(aws.outputs("app-1").path("id").asText()).isEqualTo(app1.instanceId());

    List<DBInstance> dbs = databases();
    assertThat(dbs).hasSize(1);
    DBInstance db = dbs.get(0);
    assertThat(db.engine()).isEqualTo("postgres");
    assertThat(db.dbInstanceClass()).isEqualTo("db.t3.micro");
    assertThat(db.dbInstanceStatus()).isEqualTo("available");
    assertThat(db.vpcSecurityGroups().get(0).vpcSecurityGroupId())
        .isEqualTo(groups.get("db-sg").groupId());
    assertThat(aws.outputs("app-db").path("address").asText()).isEqualTo(db.endpoint().address());

    // outputs flow into references: the seed's ${aws:ec2:app-1.ip}
    assertThat(aws.outputs("backends").path("output").toString())
        .isEqualTo(
            "[\"%s\",\"%s\",\"%s\"]"
                .formatted(
                    app1.privateIpAddress(), app2.privateIpAddress(), db.endpoint().address()));

    // the password is a secret: not in the state database, in any form of the clear text
    byte[] stateBytes = Files.readAllBytes(aws.stateFile());
    assertThat(new String(stateBytes, StandardCharsets.ISO_8859_1))
        .doesNotContain("s3cret-Passw0rd");

    // ---- nothing to do ----
    Plan again = aws.plan((stack("t3.micro", Moto.AMI, "db.t3.micro", false)));
    assertThat(again.hasChanges()).as(again.summary()).isFalse();

    // ---- change: type and class in place, a rule added, a new AMI replacing app-2 ----
    Plan change = aws.plan((stack("t3.small", "ami-1ecc1e67", "db.t3.small", true)));
    assertThat(change.action("app-1").orElseThrow().action()).isEqualTo(ActionType.UPDATE);
    assertThat(change.action("app-db").orElseThrow().action()).isEqualTo(ActionType.UPDATE);
    assertThat(change.action("web-sg").orElseThrow().action()).isEqualTo(ActionType.UPDATE);
    assertThat(change.action("app-2").orElseThrow().action()).isEqualTo(ActionType.REPLACE);
    aws.apply(change, new ArrayList<>());

    Map<String, Instance> after = instances();
    assertThat(after.get("app-1").instanceId()).as("updated in place").isEqualTo(app1.instanceId());
    assertThat(after.get("app-1").instanceTypeAsString()).isEqualTo("t3.small");
    assertThat(after.get("app-1").state().nameAsString()).isEqualTo("running");
    assertThat(after.get("app-2").instanceId()).as("replaced").isNotEqualTo(app2.instanceId());
    assertThat(after.get("app-2").imageId()).isEqualTo("ami-1ecc1e67");
    assertThat(
            aws.moto
                .ec2
                .describeInstances(b -> b.instanceIds(app2.instanceId()))
                .reservations()
                .get(0)
                .instances()
                .get(0)
                .state()
                .nameAsString())
        .as("the old app-2")
        .isEqualTo("terminated");
    assertThat(groups().get("web-sg").ipPermissions()).hasSize(2);
    assertThat(databases().get(0).dbInstanceClass()).isEqualTo("db.t3.small");
    assertThat(databases().get(0).dbInstanceIdentifier()).isEqualTo(db.dbInstanceIdentifier());
    assertThat(aws.plan((stack("t3.small", "ami-1ecc1e67", "db.t3.small", true))).hasChanges())
        .isFalse();

    // ---- destroy: nothing of the deployment is left, dependents gone before what they use ----
    List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());
    aws.destroy(events);
    assertThat(instances()).isEmpty();
    assertThat(groups()).isEmpty();
    assertThat(aws.moto.ec2.describeSubnets(b -> b.filters(ours())).subnets()).isEmpty();
    assertThat(aws.moto.ec2.describeVpcs(b -> b.filters(ours())).vpcs()).isEmpty();
    assertThat(databases()).isEmpty();
    assertThat(aws.engine.state(deployment).resources()).isEmpty();

    List<String> done = MotoEngine.completed(events);
    assertBefore(done, "app-1", "subnet-a");
    assertBefore(done, "app-2", "subnet-b");
    assertBefore(done, "app-1", "web-sg");
    assertBefore(done, "app-db", "db-sg");
    assertBefore(done, "db-sg", "web-sg");
    for (String dependent : List.of("subnet-a", "subnet-b", "web-sg", "db-sg")) {
      assertBefore(done, dependent, "vpc");
    }
  }
}
