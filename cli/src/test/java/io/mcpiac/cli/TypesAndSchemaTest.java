package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.ResourceType;
import org.junit.jupiter.api.Test;

class TypesAndSchemaTest {
  @Test
  void typesListsEveryProvidersTypes() {
    Cli.Run all = Cli.run("types");
    assertThat(all.exit()).isZero();
    assertThat(all.out()).contains("core:data", "docker:container", "opnsense:firewall:rule");
    Cli.Run docker = Cli.run("types", "docker");
    assertThat(docker.out()).contains("docker:volume").doesNotContain("opnsense");
    assertThat(Json.parse(Cli.run("types", "--json").out()).size())
        .isEqualTo(Providers.allTypes().size());
  }

  @Test
  void schemaExplainsEveryType() {
    for (ResourceType t : Providers.allTypes()) {
      Cli.Run text = Cli.run("schema", t.name());
      assertThat(text.exit()).as(text.printed()).isZero();
      assertThat(text.out()).startsWith(t.name()).contains("Properties:", "Outputs:", "Example:");
      t.replaceOnChange().forEach(p -> assertThat(text.out()).contains(p));
      JsonNode json = Json.parse(Cli.run("schema", t.name(), "--json").out());
      assertThat(json.get("title").asText()).isEqualTo(t.name());
      assertThat(json.get("x-documentation").asText()).isEqualTo(text.out());
    }
    assertThat(Cli.run("schema", "docker:container").out())
        .contains("image  (string, required, forces replacement)");
    Cli.Run unknown = Cli.run("schema", "core:dta");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("did you mean 'core:data'?");
  }
}
