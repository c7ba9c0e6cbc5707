package io.mcpiac.aws.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.kit.Props;
import java.util.List;
import java.util.TreeSet;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.VpcSecurityGroupMembership;

/** An RDS instance as {@code aws:rds:instance} describes it: its properties and outputs. */
final class RdsRead {
  private RdsRead() {}

  static LiveResource live(String name, String id, DBInstance db, ObjectNode recorded) {
    ObjectNode p = Json.object();
    p.put("identifier", db.dbInstanceIdentifier());
    p.put("engine", db.engine());
    if (db.engineVersion() != null && recorded != null && recorded.has("engineVersion")) {
      // AWS reports the full version (16.3) where the file may name the major one (16)
      String want = Props.text(recorded, "engineVersion");
      p.put("engineVersion", db.engineVersion().startsWith(want + ".") ? want : db.engineVersion());
    } else if (db.engineVersion() != null) {
      p.put("engineVersion", db.engineVersion());
    }
    p.put("instanceClass", db.dbInstanceClass());
    if (db.allocatedStorage() != null) {
      p.put("allocatedStorage", db.allocatedStorage());
    }
    if (db.storageType() != null) {
      p.put("storageType", db.storageType());
    }
    p.put("storageEncrypted", Boolean.TRUE.equals(db.storageEncrypted()));
    if (db.masterUsername() != null) {
      p.put("username", db.masterUsername());
    }
    if (db.dbName() != null) {
      p.put("dbName", db.dbName());
    }
    if (db.endpoint() != null && db.endpoint().port() != null) {
      p.put("port", db.endpoint().port());
    }
    p.put("publiclyAccessible", Boolean.TRUE.equals(db.publiclyAccessible()));
    p.put("multiAz", Boolean.TRUE.equals(db.multiAZ()));
    if (db.backupRetentionPeriod() != null) {
      p.put("backupRetentionPeriod", db.backupRetentionPeriod());
    }
    if (recorded == null || recorded.has("vpcSecurityGroupIds")) {
      p.set(
          "vpcSecurityGroupIds",
          Json.MAPPER.valueToTree(
              new TreeSet<>(
                  db.vpcSecurityGroups().stream()
                      .map(VpcSecurityGroupMembership::vpcSecurityGroupId)
                      .toList())));
    }
    if (db.dbSubnetGroup() != null && db.dbSubnetGroup().dbSubnetGroupName() != null) {
      p.put("dbSubnetGroupName", db.dbSubnetGroup().dbSubnetGroupName());
    }
    p.put("deletionProtection", Boolean.TRUE.equals(db.deletionProtection()));
    // how a delete is done is no setting AWS keeps: the record's, as Terraform keeps it
    for (String key : List.of("skipFinalSnapshot", "finalSnapshotIdentifier")) {
      if (recorded != null && recorded.has(key)) {
        p.set(key, recorded.get(key).deepCopy());
      }
    }
    p.set("tags", AwsTags.reported(RdsTags.map(db.tagList()), recorded));
    return new LiveResource(name, id, p, outputs(db));
  }

  static ObjectNode outputs(DBInstance db) {
    ObjectNode o = Json.object();
    o.put("id", db.dbInstanceIdentifier());
    o.put("arn", db.dbInstanceArn());
    o.put("resourceId", db.dbiResourceId());
    String address = db.endpoint() == null ? "" : String.valueOf(db.endpoint().address());
    Integer port = db.endpoint() == null ? null : db.endpoint().port();
    o.put("address", address);
    if (port != null) {
      o.put("port", port);
      o.put("endpoint", address + ":" + port);
    } else {
      o.put("endpoint", address);
    }
    return o;
  }
}
