package io.mcpiac.mcp.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A resource as a server recorded it in its part, from {@code getDeploymentState}; secret
 * properties come masked.
 */
record Recorded(
    String name,
    String type,
    String id,
    ObjectNode properties,
    ObjectNode outputs,
    List<String> dependencies) {}
