package io.mcpiac.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  @Test
  void distanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("vlna", "vlan")).isEqualTo(1);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.distance("same", "same")).isZero();
  }

  @Test
  void suggestsOnlyWhatIsClose() {
    List<String> types = List.of("core:data", "opnsense:firewall:rule", "opnsense:network:vlan");

    assertThat(Suggestions.closest("core:dta", types)).contains("core:data");
    assertThat(Suggestions.closest("OPNsense:firewall:rules", types))
        .contains("opnsense:firewall:rule");
    assertThat(Suggestions.closest("aws:ec2:instance", types)).isEmpty();
    assertThat(Suggestions.closest("c", List.of("a", "b"))).isEmpty();
    assertThat(Suggestions.closest("", List.of("a"))).isEmpty();
    assertThat(Suggestions.didYouMean("dependOn", List.of("dependsOn", "name")))
        .isEqualTo(" (did you mean 'dependsOn'?)");
  }
}
