package io.mcpiac.opnsense.emulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

/** One running emulator per version profile, shared by the probe tests of a class. */
final class Profiles implements AutoCloseable {
  private final Map<VersionProfile, OpnsenseEmulator> running = new EnumMap<>(VersionProfile.class);
  private final Map<VersionProfile, Client> clients = new EnumMap<>(VersionProfile.class);

  static Stream<VersionProfile> all() {
    return Stream.of(VersionProfile.values());
  }

  synchronized Client client(VersionProfile v) {
    return clients.computeIfAbsent(
        v,
        k -> {
          OpnsenseEmulator emu =
              OpnsenseEmulator.builder().version(name(k)).tls(false).build().start();
          running.put(k, emu);
          return new Client(emu);
        });
  }

  /** The name the builder takes: 26.1.0 for the release its firmware calls 26.1. */
  static String name(VersionProfile v) {
    return v == VersionProfile.V26_1_0 ? "26.1.0" : v.productVersion();
  }

  @Override
  public void close() {
    running.values().forEach(OpnsenseEmulator::close);
  }
}
