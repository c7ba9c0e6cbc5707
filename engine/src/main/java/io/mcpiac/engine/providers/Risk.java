package io.mcpiac.engine.providers;

/**
 * A reason a provider refuses a plan before anything is applied (e.g. the OPNsense lockout guard).
 * The user may accept it explicitly by its {@code code} ({@code --force-lockout-risk} accepts
 * {@code lockout}).
 */
public record Risk(String code, String resource, String message) {}
