package io.mcpiac.engine.config;

/**
 * A rename: the resource recorded as {@code from} is now called {@code to} (Terraform's {@code
 * moved} block). Its object stays; state follows the new name.
 */
public record Move(String from, String to, SourceLocation location) {}
