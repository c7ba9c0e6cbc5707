package io.mcpiac.opnsense.emulator;

import java.util.Locale;

/**
 * The OPNsense release the emulator imitates, and the behaviours that differ between the releases
 * it supports (contract section 4).
 */
public enum VersionProfile {
  V26_1("26.1", "26.1.6"),
  V26_7("26.7", "26.7.2");

  private final String series;
  private final String productVersion;

  VersionProfile(String series, String productVersion) {
    this.series = series;
    this.productVersion = productVersion;
  }

  public static VersionProfile of(String series) {
    for (VersionProfile p : values()) {
      if (p.series.equals(series) || p.productVersion.equals(series)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unsupported OPNsense version " + series + " (supported: 26.1, 26.7)");
  }

  public String series() {
    return series;
  }

  public String productVersion() {
    return productVersion;
  }

  /** Firewall savepoint / apply/{rev} timer / cancelRollback / revert: removed in 26.7. */
  public boolean hasSavepoints() {
    return this == V26_1;
  }

  /** {@code %field} descriptions in {@code get} responses: 26.7+. */
  public boolean describesInGet() {
    return this == V26_7;
  }

  /** {@code /api/interfaces/assignment/*}: 26.7+. */
  public boolean hasAssignmentApi() {
    return this == V26_7;
  }

  /** searchRule of filter rules and source NAT use searchRecordsetBase (POST-only paging). */
  public boolean rulesUseRecordset() {
    return this == V26_7;
  }

  /** {@code /api/firewall/source_nat/get|set} with {@code snat_mode}: 26.7+. */
  public boolean hasSnatMode() {
    return this == V26_7;
  }

  /** An array for a scalar field: 26.7 always throws; before, it depended on the field type. */
  public boolean rejectsArraysForScalars() {
    return this == V26_7;
  }

  /** Comma-separated uuid lists in del (26.1.3+). */
  public boolean deletesLists() {
    return true;
  }

  /** Safe-delete error title: 26.7 names the item, older versions say "Item in use by". */
  public String inUseTitle(String path, String label) {
    return this == V26_7 ? "Item " + path + " {" + label + "} in use by:" : "Item in use by";
  }

  @Override
  public String toString() {
    return series.toLowerCase(Locale.ROOT);
  }
}
