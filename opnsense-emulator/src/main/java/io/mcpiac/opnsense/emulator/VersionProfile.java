package io.mcpiac.opnsense.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The OPNsense release the emulator imitates, named by the version string its firmware reports
 * ({@code /api/core/firmware/status} {@code product_version}), and the behaviours that differ
 * between releases (contract section 4 and the version notes of section 2). There is one profile on
 * each side of every version trap a client has to cope with:
 *
 * <ul>
 *   <li>26.1 (26.1.0): searchRule without {@code interface} = floating view; single-uuid deletes
 *   <li>26.1.2: all MVC rules without {@code interface}; single-uuid deletes; the old port list
 *   <li>26.1.6: comma-list deletes; the newer port list; no Kea client id
 *   <li>26.1.11: arrays always refused; legacy/automatic rows in searchRule; Kea client id; still
 *       savepoints
 *   <li>26.7.2: no savepoints; {@code %field} in get; interface assignment API
 * </ul>
 *
 * <p>The old names {@code 26.1} and {@code 26.7} stay accepted for 26.1.6 and 26.7.2 (scripts use
 * them); 26.1.0 is therefore chosen with {@code 26.1.0}, though its firmware reports {@code 26.1}.
 */
public enum VersionProfile {
  V26_1_0(26, 1, 0, "26.1"),
  V26_1_2(26, 1, 2, "26.1.2"),
  V26_1_6(26, 1, 6, "26.1.6"),
  V26_1_11(26, 1, 11, "26.1.11"),
  V26_7_2(26, 7, 2, "26.7.2");

  /** The profile of the old name {@code 26.1}. */
  public static final VersionProfile V26_1 = V26_1_6;

  /** The profile of the old name {@code 26.7}. */
  public static final VersionProfile V26_7 = V26_7_2;

  private final int major;
  private final int minor;
  private final int patch;
  private final String productVersion;

  VersionProfile(int major, int minor, int patch, String productVersion) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.productVersion = productVersion;
  }

  /** By the firmware's version string, {@code 26.1.0}, or one of the old names 26.1 / 26.7. */
  public static VersionProfile of(String name) {
    switch (name) {
      case "26.1":
        return V26_1;
      case "26.7":
        return V26_7;
      case "26.1.0":
        return V26_1_0;
      default:
        break;
    }
    for (VersionProfile p : values()) {
      if (p.productVersion.equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unsupported OPNsense version "
            + name
            + " (supported: "
            + String.join(", ", names())
            + ")");
  }

  /** The names {@link #of} accepts, in release order. */
  public static List<String> names() {
    List<String> out = new ArrayList<>();
    out.add("26.1.0");
    for (VersionProfile p : values()) {
      if (p != V26_1_0) {
        out.add(p.productVersion);
      }
    }
    out.add("26.1 (= 26.1.6)");
    out.add("26.7 (= 26.7.2)");
    return out;
  }

  /** The release series ({@code 26.1}, {@code 26.7}): {@code product_series}. */
  public String series() {
    return major + "." + minor;
  }

  /** What the firmware reports as {@code product_version}. */
  public String productVersion() {
    return productVersion;
  }

  /** True from release {@code major.minor.patch} on. */
  public boolean atLeast(int major, int minor, int patch) {
    if (this.major != major) {
      return this.major > major;
    }
    if (this.minor != minor) {
      return this.minor > minor;
    }
    return this.patch >= patch;
  }

  /** Firewall savepoint / apply/{rev} timer / cancelRollback / revert: removed in 26.7. */
  public boolean hasSavepoints() {
    return !atLeast(26, 7, 0);
  }

  /** {@code %field} descriptions in {@code get} responses: 26.7+ (commit e7c5cd2c). */
  public boolean describesInGet() {
    return atLeast(26, 7, 0);
  }

  /** {@code /api/interfaces/assignment/*}: 26.7+. */
  public boolean hasAssignmentApi() {
    return atLeast(26, 7, 0);
  }

  /**
   * searchRule of filter rules uses searchRecordsetBase (POST-only paging) since 25.7; source NAT
   * since 26.7.
   */
  public boolean rulesUseRecordset() {
    return true;
  }

  /** {@code /api/firewall/source_nat/get|set} with {@code snat_mode}: 26.7+. */
  public boolean hasSnatMode() {
    return atLeast(26, 7, 0);
  }

  /**
   * An array for a scalar field: {@code BaseField::setNodes} throws since 26.1.11 (#10434); before,
   * it depended on the field type.
   */
  public boolean rejectsArraysForScalars() {
    return atLeast(26, 1, 11);
  }

  /** Comma-separated uuid lists in del (26.1.3+, commit c0569f86). */
  public boolean deletesLists() {
    return atLeast(26, 1, 3);
  }

  /** What searchRule lists when the request has no {@code interface} parameter. */
  public enum RuleView {
    /** Rules whose interface is not exactly one (25.7 … 26.1.0). */
    FLOATING,
    /** All MVC rules; legacy/automatic rows only with {@code show_all=1} (26.1.1 … 26.1.9). */
    ALL_MVC,
    /** All MVC rules plus legacy and automatic rows (26.1.10+, commit bcaee51b). */
    ALL
  }

  public RuleView ruleViewWithoutInterface() {
    if (!atLeast(26, 1, 1)) {
      return RuleView.FLOATING;
    }
    return atLeast(26, 1, 10) ? RuleView.ALL : RuleView.ALL_MVC;
  }

  /** PortField's well-known name list: 26.1.3 made it a name→port map (no index-0 loss change). */
  public boolean portNamesAsMap() {
    return atLeast(26, 1, 3);
  }

  /** PortField rejects whitespace around range bounds (26.7, commit 10a27499). */
  public boolean portRangesTrimmed() {
    return atLeast(26, 7, 0);
  }

  /** Kea reservations have {@code client_id} and no longer require a MAC (26.1.8+). */
  public boolean keaClientId() {
    return atLeast(26, 1, 8);
  }

  /** Kea model get: {@code ha.%this_server_name} (26.1.7+) instead of {@code this_hostname}. */
  public boolean keaServerNameLabel() {
    return atLeast(26, 1, 7);
  }

  /** DNat search rows carry {@code sort_order}/{@code prio_group} (26.1.11+). */
  public boolean natRowsSorted() {
    return atLeast(26, 1, 11);
  }

  @Override
  public String toString() {
    return productVersion;
  }
}
