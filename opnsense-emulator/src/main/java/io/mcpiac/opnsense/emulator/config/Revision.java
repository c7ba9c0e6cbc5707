package io.mcpiac.opnsense.emulator.config;

/**
 * One saved configuration, like {@code /conf/backup/config-<time>.xml}: {@code time} is {@code
 * sprintf('%0.2f', microtime(true))}, the other fields are OPNsense's revision context.
 */
public record Revision(String time, String username, String description) {}
