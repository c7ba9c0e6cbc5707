package io.mcpiac.engine.states;

/**
 * Who began a state version: the write lock's holder at the time ({@link LockInfo#owner()}: user,
 * pid and host) and the operation it named ({@code apply}, {@code destroy}, {@code state rm}, …).
 */
public record VersionWriter(String owner, String operation) {}
