package io.mcpiac.aws.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.aws.client.AwsClients;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.providers.kit.TypeHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * {@code aws:rds:instance}, Pulumi's {@code aws.rds.Instance}. Identifier, engine, user name,
 * database name, encryption and subnet group force a new database (as in Terraform); class,
 * storage, engine version, password, public access, Multi-AZ, backups, security groups, deletion
 * protection and tags change in place, applied immediately. {@code password} is a secret: sent,
 * never read back or stored. RDS has no tag filter on describe: a read is one unfiltered describe
 * (all pages), matched by the id tag. The identifier is chosen from the resource name and the id
 * before the create, so a create whose answer was lost is also found by it.
 *
 * <p>A delete keeps a final snapshot unless {@code skipFinalSnapshot} is true (named {@code
 * finalSnapshotIdentifier}, default the identifier and {@code -final}); it fails, with AWS's
 * answer, while {@code deletionProtection} is on.
 */
public final class RdsInstanceResource implements TypeHandler<AwsClients> {
  public static final String TYPE = "aws:rds:instance";
  private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(40);
  private static final Duration DELETE_TIMEOUT = Duration.ofMinutes(60);

  private static final io.mcpiac.engine.resources.ResourceType DEFINITION =
      new io.mcpiac.engine.resources.ResourceType(
              TYPE,
              "An RDS database instance. Clients connect to ${NAME.address}:${NAME.port}.",
              Json.parse(
                  """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "required": ["engine", "instanceClass"],
                "properties": {
                  "identifier": {"type": "string", "pattern": "^[a-zA-Z][a-zA-Z0-9-]{0,62}$",
                                 "description": "The DB instance identifier; default: the resource name and a unique suffix."},
                  "engine": {"type": "string", "minLength": 1, "examples": ["postgres"], "description": "postgres, mysql, mariadb, …"},
                  "engineVersion": {"type": "string", "minLength": 1},
                  "instanceClass": {"type": "string", "minLength": 1, "examples": ["db.t3.micro"], "description": "e.g. db.t3.micro"},
                  "allocatedStorage": {"type": "integer", "minimum": 5, "default": 20, "description": "GiB"},
                  "storageType": {"type": "string", "minLength": 1, "description": "gp2, gp3, io1, standard"},
                  "storageEncrypted": {"type": "boolean", "default": false},
                  "username": {"type": "string", "minLength": 1, "description": "The master user's name."},
                  "password": {"type": "string", "minLength": 8, "description": "The master user's password (secret; write-only)."},
                  "dbName": {"type": "string", "minLength": 1, "description": "A database created with the instance."},
                  "port": {"type": "integer", "minimum": 1150, "maximum": 65535},
                  "publiclyAccessible": {"type": "boolean", "default": false},
                  "multiAz": {"type": "boolean", "default": false},
                  "backupRetentionPeriod": {"type": "integer", "minimum": 0, "maximum": 35},
                  "vpcSecurityGroupIds": {"type": "array", "items": {"type": "string"}},
                  "dbSubnetGroupName": {"type": "string", "minLength": 1,
                                        "description": "The subnet group, and so the VPC (${group.name}); a change moves the database in place, with an outage while it moves."},
                  "deletionProtection": {"type": "boolean", "default": false},
                  "skipFinalSnapshot": {"type": "boolean", "default": false,
                                        "description": "Delete without a final snapshot."},
                  "finalSnapshotIdentifier": {"type": "string", "minLength": 1,
                                              "description": "The final snapshot's name; default: the identifier and -final."},
                  "tags": {"type": "object", "additionalProperties": {"type": "string"}, "default": {}}
                }
              }
              """),
              // dbSubnetGroupName moves the database in place (ModifyDBInstance), as Terraform's
              Set.of("identifier", "engine", "username", "dbName", "storageEncrypted"),
              Set.of("password"),
              Map.of(
                  "id", "the DB instance identifier",
                  "arn", "the instance's ARN",
                  "endpoint", "address:port",
                  "address", "the host name clients connect to",
                  "port", "the port clients connect to",
                  "resourceId", "RDS's resource id (db-…)"),
              false)
          .unordered("vpcSecurityGroupIds");

  private final AwsTags tags;
  private final Waiter waiter;
  private final Duration createTimeout;
  private final Duration deleteTimeout;

  public RdsInstanceResource(AwsTags tags, Waiter waiter, Duration timeout) {
    this.tags = tags;
    this.waiter = waiter;
    this.createTimeout = timeout != null ? timeout : CREATE_TIMEOUT;
    this.deleteTimeout = timeout != null ? timeout : DELETE_TIMEOUT;
  }

  @Override
  public io.mcpiac.engine.resources.ResourceType type() {
    return DEFINITION;
  }

  @Override
  public ObjectNode canonical(ObjectNode properties) {
    ObjectNode p = properties.deepCopy();
    IdSets.sort(p, "vpcSecurityGroupIds");
    // RDS keeps group names in lower case, as the subnet group's own name
    if (p.path("dbSubnetGroupName").isTextual()) {
      p.put("dbSubnetGroupName", p.get("dbSubnetGroupName").textValue().toLowerCase(Locale.ROOT));
    }
    return p;
  }

  /** AWS refuses a database without a master user and password (Moto does not check). */
  @Override
  public Map<String, String> validate(String name, ObjectNode properties) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!properties.hasNonNull("username")) {
      out.put("username", "required: the master user's name (AWS refuses a database without one)");
    }
    if (!properties.hasNonNull("password")) {
      out.put(
          "password",
          "required: the master user's password, e.g. password: \"${secret.env:DB_PASSWORD}\"");
    }
    return out;
  }

  @Override
  public ObjectNode plannedOutputs(ObjectNode desired, ObjectNode prior) {
    ObjectNode out = prior == null ? Json.object() : prior.deepCopy();
    if (Props.known(desired, "identifier")) {
      out.put("id", Props.text(desired, "identifier"));
    }
    return out;
  }

  /** Every DB instance of the account and region, all pages: RDS filters by nothing we tag. */
  private static List<DBInstance> all(RdsClient rds) {
    return rds.describeDBInstancesPaginator(b -> {}).dbInstances().stream().toList();
  }

  @Override
  public Map<String, LiveResource> read(AwsClients aws, List<ReadRequest> requests) {
    Map<String, DBInstance> byId = new HashMap<>();
    for (DBInstance db : all(aws.rds())) {
      String id = RdsTags.map(db.tagList()).get(AwsTags.ID);
      if (id != null) {
        byId.put(id, db);
      }
    }
    Map<String, LiveResource> out = new LinkedHashMap<>();
    for (ReadRequest r : requests) {
      DBInstance db = byId.get(r.id());
      if (db != null) {
        out.put(r.name(), RdsRead.live(r.name(), r.id(), db, r.properties()));
      }
    }
    return out;
  }

  @Override
  public List<LiveResource> importAll(AwsClients aws) {
    List<LiveResource> out = new ArrayList<>();
    for (DBInstance db : all(aws.rds())) {
      Map<String, String> t = RdsTags.map(db.tagList());
      if (tags.imports(t)) {
        out.add(RdsRead.live(t.get(AwsTags.RESOURCE), t.get(AwsTags.ID), db, null));
      }
    }
    return out;
  }

  /** The identifier: the file's, else the resource name and the id's first characters. */
  static String identifier(Change change) {
    return AutoName.dns(change, "identifier", 63);
  }

  private Optional<DBInstance> find(AwsClients aws, Change change) {
    try {
      List<DBInstance> found =
          aws.rds()
              .describeDBInstances(b -> b.dbInstanceIdentifier(identifier(change)))
              .dbInstances();
      return found.stream()
          .filter(db -> change.id().equals(RdsTags.map(db.tagList()).get(AwsTags.ID)))
          .findFirst();
    } catch (AwsServiceException e) {
      if (AwsErrors.notFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public ChangeResult create(AwsClients aws, Change change) {
    ObjectNode d = change.desired();
    String identifier = identifier(change);
    if (find(aws, change).isEmpty()) {
      List<Tag> tagList = RdsTags.list(tags.forNew(TYPE, change.id(), change.name(), d));
      CreateDbInstanceRequest.Builder b =
          CreateDbInstanceRequest.builder()
              .dbInstanceIdentifier(identifier)
              .engine(Props.text(d, "engine"))
              .engineVersion(Props.text(d, "engineVersion"))
              .dbInstanceClass(Props.text(d, "instanceClass"))
              .allocatedStorage(d.path("allocatedStorage").asInt(20))
              .storageType(Props.text(d, "storageType"))
              .storageEncrypted(Props.bool(d, "storageEncrypted", false))
              .masterUsername(Props.text(d, "username"))
              .masterUserPassword(Props.text(d, "password"))
              .dbName(Props.text(d, "dbName"))
              .publiclyAccessible(Props.bool(d, "publiclyAccessible", false))
              .multiAZ(Props.bool(d, "multiAz", false))
              .dbSubnetGroupName(Props.text(d, "dbSubnetGroupName"))
              .deletionProtection(Props.bool(d, "deletionProtection", false))
              .tags(tagList);
      if (d.has("port")) {
        b.port(d.get("port").asInt());
      }
      if (d.has("backupRetentionPeriod")) {
        b.backupRetentionPeriod(d.get("backupRetentionPeriod").asInt());
      }
      if (d.has("vpcSecurityGroupIds")) {
        b.vpcSecurityGroupIds(Props.list(d, "vpcSecurityGroupIds"));
      }
      aws.rds().createDBInstance(b.build());
    }
    return ChangeResult.ok(
        change.name(), change.id(), RdsRead.outputs(awaitAvailable(aws.rds(), identifier)));
  }

  @Override
  public ChangeResult update(AwsClients aws, Change change) {
    ObjectNode d = change.desired();
    ObjectNode p = change.prior() == null ? Json.object() : change.prior();
    String identifier = identifier(change);
    ModifyDbInstanceRequest.Builder b =
        ModifyDbInstanceRequest.builder().dbInstanceIdentifier(identifier).applyImmediately(true);
    boolean any = false;
    if (changed(p, d, "instanceClass")) {
      b.dbInstanceClass(Props.text(d, "instanceClass"));
      any = true;
    }
    if (changed(p, d, "allocatedStorage")) {
      b.allocatedStorage(d.path("allocatedStorage").asInt(20));
      any = true;
    }
    if (changed(p, d, "storageType")) {
      b.storageType(Props.text(d, "storageType"));
      any = true;
    }
    if (changed(p, d, "engineVersion")) {
      b.engineVersion(Props.text(d, "engineVersion")).allowMajorVersionUpgrade(true);
      any = true;
    }
    // the record holds a digest of the password, never the password: a changed secret differs
    if (d.hasNonNull("password") && changed(p, d, "password")) {
      b.masterUserPassword(Props.text(d, "password"));
      any = true;
    }
    if (changed(p, d, "port")) {
      b.dbPortNumber(d.path("port").asInt());
      any = true;
    }
    if (changed(p, d, "publiclyAccessible")) {
      b.publiclyAccessible(Props.bool(d, "publiclyAccessible", false));
      any = true;
    }
    if (changed(p, d, "multiAz")) {
      b.multiAZ(Props.bool(d, "multiAz", false));
      any = true;
    }
    if (changed(p, d, "backupRetentionPeriod")) {
      b.backupRetentionPeriod(d.path("backupRetentionPeriod").asInt());
      any = true;
    }
    if (changed(p, d, "vpcSecurityGroupIds")) {
      b.vpcSecurityGroupIds(Props.list(d, "vpcSecurityGroupIds"));
      any = true;
    }
    if (changed(p, d, "dbSubnetGroupName") && d.hasNonNull("dbSubnetGroupName")) {
      b.dbSubnetGroupName(Props.text(d, "dbSubnetGroupName"));
      any = true;
    }
    if (changed(p, d, "deletionProtection")) {
      b.deletionProtection(Props.bool(d, "deletionProtection", false));
      any = true;
    }
    if (any) {
      aws.rds().modifyDBInstance(b.build());
    }
    DBInstance db = awaitAvailable(aws.rds(), identifier);
    RdsTags.update(aws.rds(), db.dbInstanceArn(), p, d, change.name());
    return ChangeResult.ok(change.name(), change.id(), RdsRead.outputs(db));
  }

  private static boolean changed(ObjectNode prior, ObjectNode desired, String key) {
    return !Json.sameValue(prior.get(key), desired.get(key));
  }

  @Override
  public ChangeResult delete(AwsClients aws, Change change) {
    ObjectNode p = change.prior() == null ? Json.object() : change.prior();
    Optional<DBInstance> found = find(aws, change);
    if (found.isEmpty()) {
      return ChangeResult.ok(change.name(), change.id(), Json.object());
    }
    String identifier = found.get().dbInstanceIdentifier();
    boolean skip = Props.bool(p, "skipFinalSnapshot", false);
    String snapshot =
        p.hasNonNull("finalSnapshotIdentifier")
            ? Props.text(p, "finalSnapshotIdentifier")
            : identifier + "-final";
    try {
      aws.rds()
          .deleteDBInstance(
              b ->
                  b.dbInstanceIdentifier(identifier)
                      .skipFinalSnapshot(skip)
                      .finalDBSnapshotIdentifier(skip ? null : snapshot));
    } catch (AwsServiceException e) {
      if (!AwsErrors.notFound(e)) {
        throw e;
      }
    }
    waiter.until(
        "DB instance " + identifier + " deleted",
        deleteTimeout,
        () -> {
          try {
            List<DBInstance> now =
                aws.rds()
                    .describeDBInstances(b -> b.dbInstanceIdentifier(identifier))
                    .dbInstances();
            return now.isEmpty()
                ? Waiter.Look.done("deleted")
                : Waiter.Look.notYet(now.get(0).dbInstanceStatus());
          } catch (AwsServiceException e) {
            if (AwsErrors.notFound(e)) {
              return Waiter.Look.done("deleted");
            }
            throw e;
          }
        });
    return ChangeResult.ok(change.name(), change.id(), Json.object());
  }

  private DBInstance awaitAvailable(RdsClient rds, String identifier) {
    DBInstance[] last = new DBInstance[1];
    waiter.until(
        "DB instance " + identifier + " available",
        createTimeout,
        () -> {
          List<DBInstance> now =
              rds.describeDBInstances(b -> b.dbInstanceIdentifier(identifier)).dbInstances();
          if (now.isEmpty()) {
            return Waiter.Look.notYet("not listed yet");
          }
          last[0] = now.get(0);
          String status = last[0].dbInstanceStatus();
          if (status.equals("failed") || status.equals("incompatible-parameters")) {
            throw new ProviderException("DB instance " + identifier + " is " + status);
          }
          return new Waiter.Look(status.equals("available"), status);
        });
    return last[0];
  }
}
