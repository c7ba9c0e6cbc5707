package io.mcpiac.aws;

import io.mcpiac.aws.resources.AwsTags;
import io.mcpiac.engine.providers.contract.ContractObject;
import io.mcpiac.engine.providers.contract.TypeSample;
import java.util.List;
import software.amazon.awssdk.services.rds.model.DBSubnetGroup;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * The contract's sample of {@code aws:rds:subnet-group} over the fixture's subnets. A change behind
 * the provider's back is made as an operator would on Moto: a tag added, or the group deleted and
 * made again with other settings and the same tags (Moto 5.1.1 loses a group on {@code
 * ModifyDBSubnetGroup}, see {@link Moto#keepsModifiedSubnetGroups}).
 */
final class SubnetGroupSample {
  private final Moto moto;
  private final String run;
  private final String vpcSubnet;
  private final String zoneB;
  private final String zoneC;
  private final boolean modifiable;

  /**
   * @param subnets three subnets of one VPC, in three availability zones
   */
  SubnetGroupSample(Moto moto, String run, List<String> subnets) {
    this.moto = moto;
    this.run = run;
    this.vpcSubnet = subnets.get(0);
    this.zoneB = subnets.get(1);
    this.zoneC = subnets.get(2);
    this.modifiable = moto.keepsModifiedSubnetGroups(zoneC);
  }

  /** A group of the fixture's own (not the provider's), for the databases' samples. */
  String fixtureGroup(String suffix) {
    String name = run + "-fixture-" + suffix;
    moto.rds.createDBSubnetGroup(
        b ->
            b.dbSubnetGroupName(name)
                .dbSubnetGroupDescription("contract fixture")
                .subnetIds(vpcSubnet, zoneB));
    return name;
  }

  TypeSample sample() {
    return TypeSample.of(
            "aws:rds:subnet-group",
            "dbsubnets",
            """
            {"name": "%s-dbsubnets", "description": "contract", "subnetIds": ["%s", "%s"],
             "tags": {"tier": "db"}}
            """
                .formatted(run, vpcSubnet, zoneB))
        // on a Moto that loses modified groups only the tags can change in place here
        .update(
            modifiable
                ? """
                  {"description": "changed", "subnetIds": ["%s", "%s"], "tags": {"tier": "data"}}
                  """
                    .formatted(zoneC, vpcSubnet)
                : "{\"tags\": {\"tier\": \"data\"}}")
        .replace(
            "{\"name\": \"%s-dbsubnets2\", \"subnetIds\": [\"%s\", \"%s\"]}"
                .formatted(run, vpcSubnet, zoneB))
        .invalid("{\"name\": \"%s-bad\", \"subnetIds\": [\"subnet-00000000\"]}".formatted(run))
        .drift("name", o -> remake(o, run + "-renamed", "contract", List.of(vpcSubnet, zoneB)))
        .drift("description", o -> remake(o, null, "by hand", List.of(vpcSubnet, zoneB)))
        .drift("subnetIds", o -> remake(o, null, "contract", List.of(vpcSubnet, zoneC)))
        .drift(
            "tags",
            o ->
                moto.rds.addTagsToResource(
                    b ->
                        b.resourceName(group(o).dbSubnetGroupArn())
                            .tags(Tag.builder().key("extra").value("by-hand").build())));
  }

  private DBSubnetGroup group(ContractObject o) {
    String name = o.outputs().path("name").asText();
    return moto.rds.describeDBSubnetGroups(b -> b.dbSubnetGroupName(name)).dbSubnetGroups().get(0);
  }

  /** Deletes the group and makes it again with its tags (ours too): still the provider's. */
  private void remake(ContractObject o, String name, String description, List<String> subnets) {
    DBSubnetGroup old = group(o);
    List<Tag> tags =
        moto.rds.listTagsForResource(b -> b.resourceName(old.dbSubnetGroupArn())).tagList();
    moto.rds.deleteDBSubnetGroup(b -> b.dbSubnetGroupName(old.dbSubnetGroupName()));
    moto.rds.createDBSubnetGroup(
        b ->
            b.dbSubnetGroupName(name != null ? name : old.dbSubnetGroupName())
                .dbSubnetGroupDescription(description)
                .subnetIds(subnets)
                .tags(tags));
  }

  /** Every group of this run: named after it, or tagged with its deployment. */
  void cleanUp() {
    for (DBSubnetGroup g : moto.rds.describeDBSubnetGroups().dbSubnetGroups()) {
      boolean ours =
          g.dbSubnetGroupName().startsWith(run)
              || moto
                  .rds
                  .listTagsForResource(b -> b.resourceName(g.dbSubnetGroupArn()))
                  .tagList()
                  .stream()
                  .anyMatch(t -> t.key().equals(AwsTags.DEPLOYMENT) && t.value().equals(run));
      if (ours) {
        moto.rds.deleteDBSubnetGroup(b -> b.dbSubnetGroupName(g.dbSubnetGroupName()));
      }
    }
  }
}
