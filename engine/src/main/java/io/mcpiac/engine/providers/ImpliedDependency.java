package io.mcpiac.engine.providers;

/**
 * An order the system itself demands between two resources of one provider instance that the file
 * need not write (a Kubernetes object after its namespace, a custom resource after its CRD).
 *
 * @param from the resource that must wait
 * @param to the resource it waits for
 * @param note what the plan says about it (e.g. that {@code from}'s schema is known only once
 *     {@code to} is applied); null when the edge needs no word
 */
public record ImpliedDependency(String from, String to, String note) {}
