package io.mcpiac.engine.providers;

/**
 * A plan and an apply entry point limited to one provider's types, which a front end offers next to
 * its standard ones under names the provider declares (see {@link Provider#scopedEntryPoints}): the
 * seed's {@code planNetworkDeployment} and {@code applyNetworkDeployment} for OPNsense. The front
 * end (the MCP server) knows no vendor; it offers what the registered providers declare.
 *
 * @param planName the plan entry point's name
 * @param applyName the apply entry point's name, which applies plans made by {@code planName}
 * @param planTitle a short title of the plan entry point
 * @param applyTitle a short title of the apply entry point
 * @param subject what the provider's types cover, in a few words for the description
 */
public record ScopedEntryPoints(
    String planName, String applyName, String planTitle, String applyTitle, String subject) {}
