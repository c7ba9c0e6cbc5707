package io.mcpiac.aws;

import io.mcpiac.aws.resources.AwsTags;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.contract.ContractFixture;
import io.mcpiac.engine.providers.contract.ContractObject;
import io.mcpiac.engine.providers.contract.TypeSample;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * The AWS provider against Moto. Changes behind the provider's back are what an operator does with
 * the AWS CLI: modify an attribute, add a tag or a rule, or delete an object and make it again with
 * other settings and the same tags (so it is still the provider's object, found by its id tag).
 * Moto cannot drop an answer, so the lost create is the default one: applied, its answer thrown
 * away, found again by its id tag. (Moto ignores a repeated ClientToken, which AWS honours: the
 * provider's own look-up by tag is what keeps a repeated create from making a second instance.)
 *
 * <p>Objects carry this run's deployment tag; {@link #close} removes whatever is left.
 */
final class AwsContractFixture implements ContractFixture {
  private final String run = "contract-" + UUID.randomUUID().toString().substring(0, 8);
  private final Moto moto;
  private final AwsProvider provider;
  private final String vpc;
  private final String otherVpc;
  private final String subnet;
  private final String group;
  private final String otherGroup;
  private final String key;
  private final String otherKey;
  private final String gateway;
  private final String publicKey = SshKeys.newRsa("contract");
  private final software.amazon.awssdk.services.s3.S3Client s3;
  private final software.amazon.awssdk.services.iam.IamClient iam;
  private final String policy;
  private final String otherPolicy;
  private final SubnetGroupSample subnetGroups;
  private final String dbGroup;
  private final String otherDbGroup;

  AwsContractFixture() {
    moto = Moto.require();
    provider = moto.provider(run);
    vpc =
        moto.ec2
            .createVpc(b -> b.cidrBlock("10.20.0.0/16").tagSpecifications(runTag(ResourceType.VPC)))
            .vpc()
            .vpcId();
    otherVpc =
        moto.ec2
            .createVpc(b -> b.cidrBlock("10.21.0.0/16").tagSpecifications(runTag(ResourceType.VPC)))
            .vpc()
            .vpcId();
    subnet =
        moto.ec2
            .createSubnet(
                b ->
                    b.vpcId(vpc)
                        .cidrBlock("10.20.5.0/24")
                        .availabilityZone("us-east-1a")
                        .tagSpecifications(runTag(ResourceType.SUBNET)))
            .subnet()
            .subnetId();
    subnetGroups =
        new SubnetGroupSample(
            moto,
            run,
            List.of(
                subnet,
                fixtureSubnet("10.20.7.0/24", "us-east-1b"),
                fixtureSubnet("10.20.8.0/24", "us-east-1c")));
    dbGroup = subnetGroups.fixtureGroup("a");
    otherDbGroup = subnetGroups.fixtureGroup("b");
    group =
        moto.ec2
            .createSecurityGroup(
                b ->
                    b.groupName(run + "-base")
                        .description("base")
                        .vpcId(vpc)
                        .tagSpecifications(runTag(ResourceType.SECURITY_GROUP)))
            .groupId();
    otherGroup =
        moto.ec2
            .createSecurityGroup(
                b ->
                    b.groupName(run + "-other")
                        .description("other")
                        .vpcId(vpc)
                        .tagSpecifications(runTag(ResourceType.SECURITY_GROUP)))
            .groupId();
    key = run + "-key";
    otherKey = run + "-key2";
    moto.ec2.createKeyPair(b -> b.keyName(key));
    moto.ec2.createKeyPair(b -> b.keyName(otherKey));
    gateway =
        moto.ec2
            .createInternetGateway(b -> b.tagSpecifications(runTag(ResourceType.INTERNET_GATEWAY)))
            .internetGateway()
            .internetGatewayId();
    moto.ec2.attachInternetGateway(b -> b.internetGatewayId(gateway).vpcId(vpc));
    s3 = moto.s3();
    iam = moto.iam();
    // Moto has none of AWS's managed policies unless told to load them: two of our own
    policy =
        iam.createPolicy(b -> b.policyName(run + "-read").policyDocument(POLICY)).policy().arn();
    otherPolicy =
        iam.createPolicy(b -> b.policyName(run + "-other").policyDocument(POLICY)).policy().arn();
  }

  private static final String POLICY =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
          + " \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}";

  private String fixtureSubnet(String cidr, String zone) {
    return moto.ec2
        .createSubnet(
            b ->
                b.vpcId(vpc)
                    .cidrBlock(cidr)
                    .availabilityZone(zone)
                    .tagSpecifications(runTag(ResourceType.SUBNET)))
        .subnet()
        .subnetId();
  }

  private TagSpecification runTag(ResourceType type) {
    return TagSpecification.builder()
        .resourceType(type)
        .tags(Tag.builder().key("mcp-iac-test-run").value(run).build())
        .build();
  }

  @Override
  public Provider provider() {
    return provider;
  }

  @Override
  public List<TypeSample> samples() {
    return List.of(
        vpcSample(),
        subnetSample(),
        gatewaySample(),
        routeTableSample(),
        groupSample(),
        keyPairSample(),
        instanceSample(),
        rdsSample(),
        subnetGroups.sample(),
        bucketSample(),
        roleSample());
  }

  private TypeSample gatewaySample() {
    return TypeSample.of(
            "aws:vpc:internet-gateway",
            "igw",
            "{\"vpcId\": \"%s\", \"tags\": {\"env\": \"contract\"}}".formatted(otherVpc))
        .update("{\"tags\": {\"env\": \"changed\"}}")
        .drift(
            "vpcId",
            o -> moto.ec2.detachInternetGateway(b -> b.internetGatewayId(awsId(o)).vpcId(otherVpc)))
        .drift("tags", this::addTag);
  }

  private TypeSample routeTableSample() {
    return TypeSample.of(
            "aws:vpc:route-table",
            "rt",
            """
            {"vpcId": "%s", "routes": [{"cidrBlock": "0.0.0.0/0", "gatewayId": "%s"}],
             "subnetIds": ["%s"], "tags": {"tier": "public"}}
            """
                .formatted(vpc, gateway, subnet))
        .update("{\"routes\": [], \"subnetIds\": [], \"tags\": {\"tier\": \"private\"}}")
        .replace("{\"vpcId\": \"%s\", \"routes\": [], \"subnetIds\": []}".formatted(otherVpc))
        .drift(
            "vpcId",
            o -> {
              List<Tag> tags = ec2Tags(awsId(o));
              var t =
                  moto.ec2.describeRouteTables(b -> b.routeTableIds(awsId(o))).routeTables().get(0);
              t.associations()
                  .forEach(
                      a ->
                          moto.ec2.disassociateRouteTable(
                              b -> b.associationId(a.routeTableAssociationId())));
              moto.ec2.deleteRouteTable(b -> b.routeTableId(awsId(o)));
              moto.ec2.createRouteTable(
                  b -> b.vpcId(otherVpc).tagSpecifications(same(ResourceType.ROUTE_TABLE, tags)));
            })
        .drift(
            "routes",
            o ->
                moto.ec2.createRoute(
                    b ->
                        b.routeTableId(awsId(o))
                            .destinationCidrBlock("10.99.0.0/16")
                            .gatewayId(gateway)))
        .drift(
            "subnetIds",
            o ->
                moto.ec2
                    .describeRouteTables(b -> b.routeTableIds(awsId(o)))
                    .routeTables()
                    .get(0)
                    .associations()
                    .forEach(
                        a ->
                            moto.ec2.disassociateRouteTable(
                                b -> b.associationId(a.routeTableAssociationId()))))
        .drift("tags", this::addTag);
  }

  private TypeSample keyPairSample() {
    return TypeSample.of(
            "aws:ec2:key-pair",
            "kp",
            "{\"keyName\": \"%s-kp\", \"publicKey\": \"%s\", \"tags\": {\"owner\": \"ops\"}}"
                .formatted(run, publicKey))
        .update("{\"tags\": {\"owner\": \"dev\"}}")
        .replace("{\"keyName\": \"%s-kp2\", \"publicKey\": \"%s\"}".formatted(run, publicKey))
        .invalid("{\"keyName\": \"%s-bad\", \"publicKey\": \"ssh-rsa not-a-key\"}".formatted(run))
        .drift(
            "keyName",
            o -> {
              var k =
                  moto.ec2
                      .describeKeyPairs(
                          // Moto ignores KeyPairIds and answers every key: by our id tag
                          b ->
                              b.filters(
                                  Filter.builder()
                                      .name("tag:" + AwsTags.ID)
                                      .values(o.id())
                                      .build()))
                      .keyPairs()
                      .get(0);
              List<Tag> tags = k.tags();
              moto.ec2.deleteKeyPair(b -> b.keyName(k.keyName()));
              moto.ec2.importKeyPair(
                  b ->
                      b.keyName(run + "-renamed")
                          .publicKeyMaterial(
                              software.amazon.awssdk.core.SdkBytes.fromUtf8String(publicKey))
                          .tagSpecifications(same(ResourceType.KEY_PAIR, tags)));
            })
        .gap(
            "publicKey",
            "not checkable here: Moto 5.1.1 never returns a key pair's public key (AWS does with"
                + " IncludePublicKey), so a key swapped by hand cannot be seen on Moto",
            null)
        .drift("tags", this::addTag);
  }

  private TypeSample bucketSample() {
    return TypeSample.of(
            "aws:s3:bucket",
            "bucket",
            """
            {"bucket": "%s-bucket", "versioning": {"enabled": true},
             "publicAccessBlock": {"blockPublicAcls": true, "blockPublicPolicy": true,
                                   "ignorePublicAcls": true, "restrictPublicBuckets": true},
             "forceDestroy": true, "tags": {"data": "logs"}}
            """
                .formatted(run))
        .update(
            """
            {"versioning": {"enabled": false},
             "publicAccessBlock": {"blockPublicAcls": false, "blockPublicPolicy": true,
                                   "ignorePublicAcls": true, "restrictPublicBuckets": true},
             "tags": {"data": "metrics"}}
            """)
        .replace("{\"bucket\": \"%s-bucket2\", \"forceDestroy\": true}".formatted(run))
        .drift(
            "versioning",
            o ->
                s3.putBucketVersioning(
                    b -> b.bucket(awsId(o)).versioningConfiguration(v -> v.status("Suspended"))))
        .drift(
            "publicAccessBlock",
            o ->
                s3.putPublicAccessBlock(
                    b ->
                        b.bucket(awsId(o))
                            .publicAccessBlockConfiguration(
                                c ->
                                    c.blockPublicAcls(false)
                                        .blockPublicPolicy(false)
                                        .ignorePublicAcls(true)
                                        .restrictPublicBuckets(true))))
        .drift(
            "tags",
            o -> {
              var set = new ArrayList<>(s3.getBucketTagging(b -> b.bucket(awsId(o))).tagSet());
              set.add(
                  software.amazon.awssdk.services.s3.model.Tag.builder()
                      .key("extra")
                      .value("x")
                      .build());
              s3.putBucketTagging(b -> b.bucket(awsId(o)).tagging(t -> t.tagSet(set)));
            })
        .notModelled(
            "bucket",
            "the bucket's name is how it is found: a bucket renamed by hand is another bucket, and"
                + " this one is gone")
        .notModelled("forceDestroy", "how a delete is done: S3 keeps no such setting to read back");
  }

  private static final String TRUST =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
          + " \"Principal\": {\"Service\": \"%s\"}, \"Action\": \"sts:AssumeRole\"}]}";

  private TypeSample roleSample() {
    return TypeSample.of(
            "aws:iam:role",
            "role",
            """
            {"name": "%s-role", "path": "/app/", "description": "contract role",
             "assumeRolePolicy": %s, "maxSessionDuration": 3600,
             "managedPolicyArns": ["%s"], "tags": {"team": "a"}}
            """
                .formatted(run, TRUST.formatted("ec2.amazonaws.com"), policy))
        .update(
            """
            {"description": "changed", "maxSessionDuration": 7200, "managedPolicyArns": [],
             "assumeRolePolicy": %s, "tags": {"team": "b"}}
            """
                .formatted(TRUST.formatted("lambda.amazonaws.com")))
        .replace(
            "{\"name\": \"%s-role2\", \"assumeRolePolicy\": %s}"
                .formatted(run, TRUST.formatted("ec2.amazonaws.com")))
        .drift(
            "path",
            o -> {
              var r = iam.getRole(b -> b.roleName(awsId(o))).role();
              iam.listAttachedRolePolicies(b -> b.roleName(r.roleName()))
                  .attachedPolicies()
                  .forEach(
                      a ->
                          iam.detachRolePolicy(
                              b -> b.roleName(r.roleName()).policyArn(a.policyArn())));
              iam.deleteRole(b -> b.roleName(r.roleName()));
              iam.createRole(
                  b ->
                      b.roleName(r.roleName())
                          .path("/other/")
                          .assumeRolePolicyDocument(TRUST.formatted("ec2.amazonaws.com"))
                          .description(r.description())
                          .tags(r.tags()));
            })
        .drift("description", o -> iam.updateRole(b -> b.roleName(awsId(o)).description("by hand")))
        .drift(
            "assumeRolePolicy",
            o ->
                iam.updateAssumeRolePolicy(
                    b -> b.roleName(awsId(o)).policyDocument(TRUST.formatted("ecs.amazonaws.com"))))
        .drift(
            "maxSessionDuration",
            o -> iam.updateRole(b -> b.roleName(awsId(o)).maxSessionDuration(10800)))
        .drift(
            "managedPolicyArns",
            o -> iam.attachRolePolicy(b -> b.roleName(awsId(o)).policyArn(otherPolicy)))
        .drift(
            "tags",
            o ->
                iam.tagRole(
                    b ->
                        b.roleName(awsId(o))
                            .tags(
                                software.amazon.awssdk.services.iam.model.Tag.builder()
                                    .key("extra")
                                    .value("x")
                                    .build())))
        .notModelled(
            "name",
            "the role's name is how it is found: a role renamed by hand is another role, and this"
                + " one is gone");
  }

  private TypeSample vpcSample() {
    return TypeSample.of(
            "aws:vpc:vpc",
            "net",
            """
            {"cidrBlock": "10.30.0.0/16", "instanceTenancy": "default", "enableDnsSupport": true,
             "enableDnsHostnames": true, "tags": {"env": "contract"}}
            """)
        .update("{\"enableDnsHostnames\": false, \"tags\": {\"env\": \"changed\"}}")
        .replace("{\"cidrBlock\": \"10.31.0.0/16\", \"tags\": {\"env\": \"contract\"}}")
        .invalid("{\"cidrBlock\": \"10.0.0.0/8\"}")
        .drift("cidrBlock", o -> remakeVpc(o, "10.32.0.0/16", "default"))
        .drift("instanceTenancy", o -> remakeVpc(o, "10.30.0.0/16", "dedicated"))
        .drift(
            "enableDnsSupport",
            o -> moto.ec2.modifyVpcAttribute(b -> b.vpcId(awsId(o)).enableDnsSupport(bool(false))))
        .drift(
            "enableDnsHostnames",
            o ->
                moto.ec2.modifyVpcAttribute(b -> b.vpcId(awsId(o)).enableDnsHostnames(bool(false))))
        .drift("tags", this::addTag);
  }

  private TypeSample subnetSample() {
    return TypeSample.of(
            "aws:vpc:subnet",
            "sub",
            """
            {"vpcId": "%s", "cidrBlock": "10.20.1.0/24", "availabilityZone": "us-east-1a",
             "mapPublicIpOnLaunch": false, "tags": {"tier": "app"}}
            """
                .formatted(vpc))
        .update("{\"mapPublicIpOnLaunch\": true, \"tags\": {\"tier\": \"web\"}}")
        .replace(
            """
            {"vpcId": "%s", "cidrBlock": "10.20.2.0/24", "availabilityZone": "us-east-1a",
             "mapPublicIpOnLaunch": false, "tags": {"tier": "app"}}
            """
                .formatted(vpc))
        .invalid("{\"vpcId\": \"%s\", \"cidrBlock\": \"10.99.0.0/24\"}".formatted(vpc))
        .drift("vpcId", o -> remakeSubnet(o, otherVpc, "10.21.1.0/24", "us-east-1a"))
        .drift("cidrBlock", o -> remakeSubnet(o, vpc, "10.20.3.0/24", "us-east-1a"))
        .drift("availabilityZone", o -> remakeSubnet(o, vpc, "10.20.1.0/24", "us-east-1b"))
        .drift(
            "mapPublicIpOnLaunch",
            o ->
                moto.ec2.modifySubnetAttribute(
                    b -> b.subnetId(awsId(o)).mapPublicIpOnLaunch(bool(true))))
        .drift("tags", this::addTag);
  }

  private TypeSample groupSample() {
    return TypeSample.of(
            "aws:ec2:security-group",
            "sg",
            """
            {"name": "%s-sg", "description": "contract", "vpcId": "%s",
             "ingress": [{"protocol": "tcp", "fromPort": 443, "toPort": 443, "cidrBlocks": ["10.0.0.0/8"]}],
             "egress": [], "tags": {"role": "web"}}
            """
                .formatted(run, vpc))
        .update(
            """
            {"ingress": [{"protocol": "tcp", "fromPort": 443, "toPort": 443, "cidrBlocks": ["10.0.0.0/8"]},
                         {"protocol": "tcp", "fromPort": 22, "toPort": 22, "securityGroups": ["%s"]}],
             "egress": [{"protocol": "-1", "fromPort": 0, "toPort": 0, "cidrBlocks": ["0.0.0.0/0"]}]}
            """
                .formatted(group))
        .replace(
            """
            {"name": "%s-sg2", "description": "contract", "vpcId": "%s", "ingress": [], "egress": []}
            """
                .formatted(run, vpc))
        // Moto accepts a group in a VPC that does not exist; a duplicate name it refuses, as AWS
        // does
        .invalid("{\"name\": \"%s-base\", \"vpcId\": \"%s\"}".formatted(run, vpc))
        .drift("name", o -> remakeGroup(o, run + "-renamed", "contract", vpc))
        .drift("description", o -> remakeGroup(o, run + "-sg", "by hand", vpc))
        .drift("vpcId", o -> remakeGroup(o, run + "-sg", "contract", otherVpc))
        .drift(
            "ingress",
            o ->
                moto.ec2.authorizeSecurityGroupIngress(
                    b -> b.groupId(awsId(o)).ipPermissions(tcp(8080, "192.168.0.0/16"))))
        .drift(
            "egress",
            o ->
                moto.ec2.authorizeSecurityGroupEgress(
                    b -> b.groupId(awsId(o)).ipPermissions(tcp(5432, "10.20.0.0/16"))))
        .drift("tags", this::addTag);
  }

  private TypeSample instanceSample() {
    return TypeSample.of(
            "aws:ec2:instance",
            "app",
            """
            {"ami": "%s", "instanceType": "t3.micro", "subnetId": "%s",
             "vpcSecurityGroupIds": ["%s"], "keyName": "%s", "metadataOptions": {"httpTokens": "required"},
             "userData": "#!/bin/sh\\necho contract\\n",
             "tags": {"role": "app"}}
            """
                .formatted(Moto.AMI, subnet, group, key))
        .update(
            "{\"instanceType\": \"t3.small\", \"userData\": \"#!/bin/sh\\necho updated\\n\", \"vpcSecurityGroupIds\": [\"%s\", \"%s\"], \"tags\": {\"role\": \"api\"}}"
                .formatted(group, otherGroup))
        .replace(
            """
            {"ami": "ami-1ecc1e67", "instanceType": "t3.micro", "subnetId": "%s",
             "vpcSecurityGroupIds": ["%s"], "keyName": "%s"}
            """
                .formatted(subnet, group, key))
        .invalid("{\"ami\": \"ami-00000000\", \"instanceType\": \"t3.micro\"}")
        .drift("ami", o -> remakeInstance(o, r -> r.imageId("ami-1ecc1e67")))
        .drift("instanceType", o -> whileStopped(o, b -> b.instanceType(t -> t.value("t3.large"))))
        .drift("subnetId", o -> remakeInstance(o, r -> r.subnetId(otherSubnet())))
        .drift(
            "userData",
            o ->
                whileStopped(
                    o,
                    b ->
                        b.userData(
                            u ->
                                u.value(
                                    software.amazon.awssdk.core.SdkBytes.fromUtf8String(
                                        "#!/bin/sh\necho by hand\n")))))
        .drift(
            "vpcSecurityGroupIds",
            o -> moto.ec2.modifyInstanceAttribute(b -> b.instanceId(awsId(o)).groups(otherGroup)))
        .drift("keyName", o -> remakeInstance(o, r -> r.keyName(otherKey)))
        .drift("tags", this::addTag)
        .gap(
            "metadataOptions",
            "not checkable here: Moto 5.1.1 takes MetadataOptions at launch but never reports them"
                + " and has no ModifyInstanceMetadataOptions (it answers 500)",
            null)
        .notModelled("subnet", "the seed's alias of subnetId: the canonical form renames it")
        .notModelled(
            "privateIp",
            "not covered: Moto 5.1.1 never frees the private address of a terminated instance, so"
                + " a fixed address can be launched once per Moto run (AWS frees it)");
  }

  /** Each call of {@link #samples()} names its databases anew (see {@link #rdsSample}). */
  private final java.util.concurrent.atomic.AtomicInteger sampleRound =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * A database made with deletion protection switched on behind the provider's back cannot be
   * deleted (AWS and Moto refuse, as they should): that drift check runs last and {@link #close}
   * switches the protection off. Each case group gets its own identifier, so the protected one left
   * until then is in nobody's way.
   */
  private TypeSample rdsSample() {
    String db = run + "-db" + sampleRound.incrementAndGet();
    return TypeSample.of(
            "aws:rds:instance",
            "db",
            """
            {"identifier": "%s", "engine": "postgres", "engineVersion": "16.3",
             "instanceClass": "db.t3.micro", "allocatedStorage": 20, "storageType": "gp2",
             "storageEncrypted": false, "username": "appadmin", "password": "contract-pass-1",
             "dbName": "app", "port": 5432, "publiclyAccessible": false, "multiAz": false,
             "backupRetentionPeriod": 1, "vpcSecurityGroupIds": ["%s"], "deletionProtection": false,
             "dbSubnetGroupName": "%s", "skipFinalSnapshot": true, "tags": {"tier": "db"}}
            """
                .formatted(db, group, dbGroup))
        .update(
            "{\"instanceClass\": \"db.t3.small\", \"allocatedStorage\": 30, \"backupRetentionPeriod\": 7,"
                + " \"tags\": {\"tier\": \"data\"}}")
        .replace(
            """
            {"identifier": "%s-2", "engine": "postgres", "instanceClass": "db.t3.micro",
             "username": "appadmin", "password": "contract-pass-1", "skipFinalSnapshot": true}
            """
                .formatted(db))
        .invalid(
            "{\"engine\": \"no-such-engine\", \"instanceClass\": \"db.t3.micro\", \"username\": \"u\","
                + " \"password\": \"contract-pass-1\", \"skipFinalSnapshot\": true}")
        .drift("identifier", o -> remakeDb(o, b -> b.dbInstanceIdentifier(db + "-renamed")))
        .drift("engine", o -> remakeDb(o, b -> b.engine("mysql").port(3306)))
        .drift("engineVersion", o -> modifyDb(o, "engineVersion"))
        .drift("instanceClass", o -> modifyDb(o, "instanceClass"))
        .drift("allocatedStorage", o -> modifyDb(o, "allocatedStorage"))
        .drift("storageType", o -> modifyDb(o, "storageType"))
        .drift("storageEncrypted", o -> remakeDb(o, b -> b.storageEncrypted(true)))
        .drift("username", o -> remakeDb(o, b -> b.masterUsername("other")))
        .drift("dbName", o -> remakeDb(o, b -> b.dbName("other")))
        .gap(
            "port",
            "not checkable here: Moto 5.1.1 accepts a new DBPortNumber but keeps the endpoint's"
                + " old port, so no port change can be made behind the provider's back",
            // no tamper: a database made for it would meet the protected one of the last check
            null)
        .drift("publiclyAccessible", o -> modifyDb(o, "publiclyAccessible"))
        .drift("multiAz", o -> modifyDb(o, "multiAz"))
        .drift("backupRetentionPeriod", o -> modifyDb(o, "backupRetentionPeriod"))
        .drift("vpcSecurityGroupIds", o -> modifyDb(o, "vpcSecurityGroupIds"))
        .drift("dbSubnetGroupName", o -> remakeDb(o, b -> b.dbSubnetGroupName(otherDbGroup)))
        .drift("tags", this::addDbTag)
        .drift("deletionProtection", o -> modifyDb(o, "deletionProtection"))
        .notModelled(
            "skipFinalSnapshot", "how a delete is done: AWS keeps no such setting to read back")
        .notModelled(
            "finalSnapshotIdentifier",
            "how a delete is done: AWS keeps no such setting to read back");
  }

  // ---- changes behind the provider's back ----

  private static String awsId(ContractObject o) {
    return o.outputs().path("id").asText();
  }

  private static AttributeBooleanValue bool(boolean v) {
    return AttributeBooleanValue.builder().value(v).build();
  }

  private static IpPermission tcp(int port, String cidr) {
    return IpPermission.builder()
        .ipProtocol("tcp")
        .fromPort(port)
        .toPort(port)
        .ipRanges(IpRange.builder().cidrIp(cidr).build())
        .build();
  }

  private void addTag(ContractObject o) {
    moto.ec2.createTags(
        b -> b.resources(awsId(o)).tags(Tag.builder().key("extra").value("by-hand").build()));
  }

  private void addDbTag(ContractObject o) {
    DBInstance db = db(o);
    moto.rds.addTagsToResource(
        b ->
            b.resourceName(db.dbInstanceArn())
                .tags(
                    software.amazon.awssdk.services.rds.model.Tag.builder()
                        .key("extra")
                        .value("by-hand")
                        .build()));
  }

  /** The object's tags (ours included), to make it again as the same object. */
  private List<Tag> ec2Tags(String awsId) {
    return moto
        .ec2
        .describeTags(b -> b.filters(Filter.builder().name("resource-id").values(awsId).build()))
        .tags()
        .stream()
        .map(t -> Tag.builder().key(t.key()).value(t.value()).build())
        .toList();
  }

  private TagSpecification same(ResourceType type, List<Tag> tags) {
    return TagSpecification.builder().resourceType(type).tags(tags).build();
  }

  private void remakeVpc(ContractObject o, String cidr, String tenancy) {
    List<Tag> tags = ec2Tags(awsId(o));
    moto.ec2.deleteVpc(b -> b.vpcId(awsId(o)));
    moto.ec2.createVpc(
        b ->
            b.cidrBlock(cidr)
                .instanceTenancy(tenancy)
                .tagSpecifications(same(ResourceType.VPC, tags)));
  }

  private void remakeSubnet(ContractObject o, String vpcId, String cidr, String zone) {
    List<Tag> tags = ec2Tags(awsId(o));
    moto.ec2.deleteSubnet(b -> b.subnetId(awsId(o)));
    moto.ec2.createSubnet(
        b ->
            b.vpcId(vpcId)
                .cidrBlock(cidr)
                .availabilityZone(zone)
                .tagSpecifications(same(ResourceType.SUBNET, tags)));
  }

  private void remakeGroup(ContractObject o, String name, String description, String vpcId) {
    List<Tag> tags = ec2Tags(awsId(o));
    moto.ec2.deleteSecurityGroup(b -> b.groupId(awsId(o)));
    moto.ec2.createSecurityGroup(
        b ->
            b.groupName(name)
                .description(description)
                .vpcId(vpcId)
                .tagSpecifications(same(ResourceType.SECURITY_GROUP, tags)));
  }

  private String otherSubnet() {
    List<Subnet> found =
        moto.ec2
            .describeSubnets(
                b ->
                    b.filters(
                        Filter.builder().name("vpc-id").values(vpc).build(),
                        Filter.builder().name("cidr-block").values("10.20.6.0/24").build()))
            .subnets();
    if (!found.isEmpty()) {
      return found.get(0).subnetId();
    }
    return moto.ec2
        .createSubnet(
            b ->
                b.vpcId(vpc)
                    .cidrBlock("10.20.6.0/24")
                    .availabilityZone("us-east-1a")
                    .tagSpecifications(runTag(ResourceType.SUBNET)))
        .subnet()
        .subnetId();
  }

  private void remakeInstance(
      ContractObject o, java.util.function.Consumer<RunInstancesRequest.Builder> change) {
    Instance old =
        moto.ec2
            .describeInstances(b -> b.instanceIds(awsId(o)))
            .reservations()
            .get(0)
            .instances()
            .get(0);
    List<Tag> tags = ec2Tags(old.instanceId());
    moto.ec2.terminateInstances(b -> b.instanceIds(old.instanceId()));
    RunInstancesRequest.Builder r =
        RunInstancesRequest.builder()
            .imageId(old.imageId())
            .instanceType(old.instanceTypeAsString())
            .minCount(1)
            .maxCount(1)
            .subnetId(old.subnetId())
            .securityGroupIds(old.securityGroups().stream().map(g -> g.groupId()).toList())
            .keyName(old.keyName())
            // Moto never frees a terminated instance's address: the new one gets another
            .tagSpecifications(same(ResourceType.INSTANCE, tags));
    change.accept(r);
    moto.ec2.runInstances(r.build());
  }

  /** An attribute AWS changes on a stopped instance only: stop, modify, start. */
  private void whileStopped(
      ContractObject o,
      java.util.function.Consumer<
              software.amazon.awssdk.services.ec2.model.ModifyInstanceAttributeRequest.Builder>
          change) {
    String id = awsId(o);
    moto.ec2.stopInstances(b -> b.instanceIds(id));
    moto.ec2.modifyInstanceAttribute(
        b -> {
          b.instanceId(id);
          change.accept(b);
        });
    moto.ec2.startInstances(b -> b.instanceIds(id));
  }

  private DBInstance db(ContractObject o) {
    return moto.rds.describeDBInstances(b -> b.dbInstanceIdentifier(awsId(o))).dbInstances().get(0);
  }

  private void modifyDb(ContractObject o, String property) {
    String id = awsId(o);
    moto.rds.modifyDBInstance(
        b -> {
          b.dbInstanceIdentifier(id).applyImmediately(true);
          switch (property) {
            case "engineVersion" -> b.engineVersion("15.4");
            case "instanceClass" -> b.dbInstanceClass("db.t3.large");
            case "allocatedStorage" -> b.allocatedStorage(50);
            case "storageType" -> b.storageType("gp3");
            case "port" -> b.dbPortNumber(5433);
            case "publiclyAccessible" -> b.publiclyAccessible(true);
            case "multiAz" -> b.multiAZ(true);
            case "backupRetentionPeriod" -> b.backupRetentionPeriod(14);
            case "vpcSecurityGroupIds" -> b.vpcSecurityGroupIds(otherGroup);
            case "deletionProtection" -> b.deletionProtection(true);
            default -> throw new IllegalArgumentException(property);
          }
        });
  }

  private void remakeDb(
      ContractObject o, java.util.function.Consumer<CreateDbInstanceRequest.Builder> change) {
    DBInstance old = db(o);
    moto.rds.deleteDBInstance(
        b -> b.dbInstanceIdentifier(old.dbInstanceIdentifier()).skipFinalSnapshot(true));
    CreateDbInstanceRequest.Builder b =
        CreateDbInstanceRequest.builder()
            .dbInstanceIdentifier(old.dbInstanceIdentifier())
            .engine(old.engine())
            .engineVersion(old.engineVersion())
            .dbInstanceClass(old.dbInstanceClass())
            .allocatedStorage(old.allocatedStorage())
            .storageType(old.storageType())
            .masterUsername(old.masterUsername())
            .masterUserPassword("contract-pass-1")
            .dbName(old.dbName())
            .port(old.endpoint().port())
            .backupRetentionPeriod(old.backupRetentionPeriod())
            .vpcSecurityGroupIds(
                old.vpcSecurityGroups().stream().map(g -> g.vpcSecurityGroupId()).toList())
            .dbSubnetGroupName(
                old.dbSubnetGroup() == null ? null : old.dbSubnetGroup().dbSubnetGroupName())
            .tags(old.tagList());
    change.accept(b);
    moto.rds.createDBInstance(b.build());
  }

  // ---- clean-up ----

  @Override
  public void close() {
    try {
      cleanUp();
    } finally {
      provider.close();
      moto.close();
    }
  }

  /** Everything of this run: the provider's objects (by deployment tag) and the fixture's own. */
  private void cleanUp() {
    List<String> errors = new ArrayList<>();
    quietly(
        errors,
        () -> {
          for (DBInstance db : moto.rds.describeDBInstances().dbInstances()) {
            boolean ours =
                db.tagList().stream()
                        .anyMatch(t -> t.key().equals(AwsTags.DEPLOYMENT) && t.value().equals(run))
                    || db.dbInstanceIdentifier().startsWith(run);
            if (ours) {
              moto.rds.modifyDBInstance(
                  b ->
                      b.dbInstanceIdentifier(db.dbInstanceIdentifier())
                          .deletionProtection(false)
                          .applyImmediately(true));
              moto.rds.deleteDBInstance(
                  b -> b.dbInstanceIdentifier(db.dbInstanceIdentifier()).skipFinalSnapshot(true));
            }
          }
        });
    quietly(errors, subnetGroups::cleanUp);
    List<Filter> mine = List.of(Moto.deploymentFilter(run));
    List<Filter> fixture =
        List.of(Filter.builder().name("tag:mcp-iac-test-run").values(run).build());
    for (List<Filter> f : List.of(mine, fixture)) {
      quietly(
          errors,
          () ->
              moto.ec2
                  .describeInstances(b -> b.filters(f))
                  .reservations()
                  .forEach(
                      r ->
                          r.instances()
                              .forEach(
                                  i ->
                                      moto.ec2.terminateInstances(
                                          b -> b.instanceIds(i.instanceId())))));
    }
    for (List<Filter> f : List.of(mine, fixture)) {
      quietly(
          errors,
          () ->
              moto.ec2
                  .describeRouteTables(b -> b.filters(f))
                  .routeTables()
                  .forEach(
                      t -> {
                        t.associations()
                            .forEach(
                                a ->
                                    moto.ec2.disassociateRouteTable(
                                        b -> b.associationId(a.routeTableAssociationId())));
                        moto.ec2.deleteRouteTable(b -> b.routeTableId(t.routeTableId()));
                      }));
      quietly(
          errors,
          () ->
              moto.ec2
                  .describeInternetGateways(b -> b.filters(f))
                  .internetGateways()
                  .forEach(
                      g -> {
                        g.attachments()
                            .forEach(
                                a ->
                                    moto.ec2.detachInternetGateway(
                                        b ->
                                            b.internetGatewayId(g.internetGatewayId())
                                                .vpcId(a.vpcId())));
                        moto.ec2.deleteInternetGateway(
                            b -> b.internetGatewayId(g.internetGatewayId()));
                      }));
      quietly(
          errors,
          () ->
              moto.ec2
                  .describeKeyPairs(b -> b.filters(f))
                  .keyPairs()
                  .forEach(k -> moto.ec2.deleteKeyPair(b -> b.keyName(k.keyName()))));
    }
    for (List<Filter> f : List.of(mine, fixture)) {
      quietly(
          errors,
          () -> {
            for (SecurityGroup g :
                moto.ec2.describeSecurityGroups(b -> b.filters(f)).securityGroups()) {
              moto.ec2.deleteSecurityGroup(b -> b.groupId(g.groupId()));
            }
          });
    }
    for (List<Filter> f : List.of(mine, fixture)) {
      quietly(
          errors,
          () -> {
            for (Subnet s : moto.ec2.describeSubnets(b -> b.filters(f)).subnets()) {
              moto.ec2.deleteSubnet(b -> b.subnetId(s.subnetId()));
            }
          });
    }
    for (List<Filter> f : List.of(mine, fixture)) {
      quietly(
          errors,
          () -> {
            for (Vpc v : moto.ec2.describeVpcs(b -> b.filters(f)).vpcs()) {
              moto.ec2.deleteVpc(b -> b.vpcId(v.vpcId()));
            }
          });
    }
    quietly(
        errors,
        () ->
            s3.listBuckets().buckets().stream()
                .filter(bk -> bk.name().startsWith(run))
                .forEach(
                    bk -> {
                      s3.listObjectVersions(b -> b.bucket(bk.name()))
                          .versions()
                          .forEach(
                              v ->
                                  s3.deleteObject(
                                      b ->
                                          b.bucket(bk.name())
                                              .key(v.key())
                                              .versionId(v.versionId())));
                      s3.deleteBucket(b -> b.bucket(bk.name()));
                    }));
    quietly(
        errors,
        () ->
            iam.listRoles().roles().stream()
                .filter(r -> r.roleName().startsWith(run))
                .forEach(
                    r -> {
                      iam.listAttachedRolePolicies(b -> b.roleName(r.roleName()))
                          .attachedPolicies()
                          .forEach(
                              a ->
                                  iam.detachRolePolicy(
                                      b -> b.roleName(r.roleName()).policyArn(a.policyArn())));
                      iam.deleteRole(b -> b.roleName(r.roleName()));
                    }));
    quietly(errors, () -> iam.deletePolicy(b -> b.policyArn(policy)));
    quietly(errors, () -> iam.deletePolicy(b -> b.policyArn(otherPolicy)));
    quietly(errors, () -> moto.ec2.deleteKeyPair(b -> b.keyName(key)));
    quietly(errors, () -> moto.ec2.deleteKeyPair(b -> b.keyName(otherKey)));
    if (!errors.isEmpty()) {
      System.err.println("contract clean-up: " + errors);
    }
  }

  private static void quietly(List<String> errors, Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      errors.add(e.toString());
    }
  }
}
