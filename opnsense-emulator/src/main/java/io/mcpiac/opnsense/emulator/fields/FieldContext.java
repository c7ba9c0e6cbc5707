package io.mcpiac.opnsense.emulator.fields;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * What a field needs to know about the firewall around it: the other configuration (for relations,
 * alias names, certificates), the emulated hardware (interfaces, devices) and the version profile.
 */
public interface FieldContext {

  /** Options of a model relation: uuid to display label, in config order. */
  LinkedHashMap<String, String> relationOptions(String collectionId, List<String> displayFields);

  /** Assigned interfaces: identifier to description, e.g. {@code lan → LAN}. */
  LinkedHashMap<String, String> interfaces();

  /** Names of all aliases (user and built-in) with their type. */
  LinkedHashMap<String, String> aliasTypes();

  /** Certificates (or CAs / CRLs) by refid to description. */
  LinkedHashMap<String, String> certificates(String type);

  /** Options produced by a configd action (gateways, shells, locales, …). */
  LinkedHashMap<String, String> configdOptions(String action);

  /** Values of the named field in the other items of the list being edited. */
  List<String> siblingValues(String fieldName);

  /** Whether the profile adds {@code %field} descriptions to {@code get} (26.7+). */
  boolean describeInGet();

  /** The release being imitated: field types whose checks changed between releases ask it. */
  io.mcpiac.opnsense.emulator.VersionProfile version();
}
