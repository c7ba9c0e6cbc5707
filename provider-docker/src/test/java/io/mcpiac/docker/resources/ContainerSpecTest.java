package io.mcpiac.docker.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.json.Json;
import org.junit.jupiter.api.Test;

class ContainerSpecTest {
  @Test
  void memorySizesReadLikeDockersFlags() {
    assertThat(ContainerSpec.memoryBytes(Json.parse("134217728"))).isEqualTo(134217728L);
    assertThat(ContainerSpec.memoryBytes(Json.parse("\"128m\""))).isEqualTo(128L << 20);
    assertThat(ContainerSpec.memoryBytes(Json.parse("\"1G\""))).isEqualTo(1L << 30);
    assertThat(ContainerSpec.memoryBytes(Json.parse("\"512kb\""))).isEqualTo(512L << 10);
    assertThat(ContainerSpec.memoryBytes(Json.parse("\"lots\""))).isNull();
  }

  @Test
  void portsDefaultToDockersOwnDefaults() {
    ContainerSpec spec =
        ContainerSpec.of(
            Json.parseObject(
                "{\"image\": \"x\", \"ports\": [{\"containerPort\": 80}], \"cpus\": 0.5}"));
    assertThat(spec.ports())
        .containsExactly(new ContainerSpec.PublishedPort("0.0.0.0", null, 80, "tcp"));
    assertThat(spec.nanoCpus()).isEqualTo(500_000_000L);
    // a wanted port without a host port is any host port Docker chose
    assertThat(
            spec.ports()
                .get(0)
                .matches(new ContainerSpec.PublishedPort("0.0.0.0", 32768, 80, "tcp")))
        .isTrue();
    assertThat(
            spec.ports()
                .get(0)
                .matches(new ContainerSpec.PublishedPort("127.0.0.1", 32768, 80, "tcp")))
        .isFalse();
  }
}
