package io.mcpiac.opnsense.emulator.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.opnsense.emulator.VersionProfile;
import io.mcpiac.opnsense.emulator.config.Config;
import io.mcpiac.opnsense.emulator.model.ModelContext;
import io.mcpiac.opnsense.emulator.model.SystemEnvironment;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

/** OPNsense's field types: validation messages and get encodings. */
class FieldTypesTest {
  static final FieldContext CTX = context();

  static FieldContext context() {
    Config c = Config.empty();
    SystemEnvironment.seed(c);
    return new ModelContext(c, VersionProfile.V26_7, null, null);
  }

  @Test
  void booleanAcceptsOnlyZeroAndOne() {
    BooleanField b = new BooleanField("enabled");
    assertThat(b.initialValue(CTX)).isEqualTo("0");
    assertThat(b.validateValue("1", CTX)).isEmpty();
    assertThat(b.validateValue("true", CTX)).containsExactly("Value should be a boolean (0,1).");
  }

  @Test
  void integerCollectsTheSameMessageTwiceForNonNumbers() {
    IntegerField i = new IntegerField("tag", true).min("1").max("4094");
    assertThat(i.validateValue("5000", CTX)).containsExactly("Invalid integer value.");
    assertThat(i.validateValue("abc", CTX))
        .containsExactly("Invalid integer value.", "Invalid integer value.");
    assertThat(i.validateValue("4094", CTX)).isEmpty();
  }

  @Test
  void optionFieldBlankEntryOnlyForOptionalSingleSelect() {
    LinkedHashMap<String, String> opts = new LinkedHashMap<>();
    opts.put("a", "Alpha");
    opts.put("b", "Beta");
    OptionField optional = new OptionField("o", opts);
    optional.blankDesc("Nothing");
    assertThat(optional.encodeForGet("", CTX).toString())
        .isEqualTo(
            "{\"\":{\"value\":\"Nothing\",\"selected\":1},\"a\":{\"value\":\"Alpha\",\"selected\":0},\"b\":{\"value\":\"Beta\",\"selected\":0}}");
    OptionField required = new OptionField("r", opts);
    required.setRequired(true);
    assertThat(required.encodeForGet("b", CTX).has("")).isFalse();
    OptionField multi = new OptionField("m", opts);
    multi.multiple(true);
    assertThat(multi.encodeForGet("a,b", CTX).toString()).doesNotContain("\"\":");
    assertThat(multi.validateValue("a,x", CTX)).containsExactly("Option [x] not in list.");
    assertThat(required.validateValue("x", CTX)).containsExactly("Option [] not in list.");
    assertThat(
            new OptionField("e", new LinkedHashMap<>())
                .multiple(true)
                .encodeForGet("", CTX)
                .toString())
        .isEqualTo("[]");
    // BaseListField::getDescription joins with ", "
    assertThat(multi.describe("a,b", CTX)).isEqualTo("Alpha, Beta");
  }

  @Test
  void networkAndHostnameChecks() {
    assertThat(Ip.isV4("10.0.0.300")).isFalse();
    assertThat(Ip.isCidr("10.0.0.0/24")).isTrue();
    assertThat(Ip.isCidr("2001:db8::/129")).isFalse();
    assertThat(Ip.contains("192.168.1.0/24", "192.168.1.77")).isTrue();
    assertThat(Ip.contains("192.168.1.0/24", "192.168.2.1")).isFalse();
    assertThat(NetworkTypes.validHostname("nas.home.arpa", false, false, false)).isTrue();
    assertThat(NetworkTypes.validHostname("nas.", false, false, false)).isFalse();
    assertThat(NetworkTypes.validHostname("10.0.0.300", true, false, false)).isFalse();
    assertThat(NetworkTypes.validHostname("*", false, true, false)).isTrue();
    assertThat(NetworkTypes.validNetworkOrAlias("lanip", CTX)).isTrue();
    assertThat(NetworkTypes.validNetworkOrAlias("bogons", CTX)).isTrue();
    assertThat(NetworkTypes.validNetworkOrAlias("nosuch", CTX)).isFalse();
    assertThat(NetworkTypes.describeNetwork("lan", CTX)).isEqualTo("LAN net");
    assertThat(NetworkTypes.describeNetwork("(self)", CTX)).isEqualTo("This Firewall");
  }

  @Test
  void listRenderingAndNaturalOrder() {
    assertThat(ListRendering.itemMap("", ",").toString())
        .isEqualTo("{\"\":{\"value\":\"\",\"selected\":1}}");
    assertThat(NaturalOrder.compareIgnoreCase("rule10", "Rule9")).isPositive();
    assertThat(NaturalOrder.compareIgnoreCase("a", "B")).isNegative();
  }

  @Test
  void descriptionAndStrictText() {
    TextField d = new TextField("d").description();
    assertThat(d.validateValue("x".repeat(256), CTX))
        .containsExactly("Description should be a string between 1 and 255 characters.");
    assertThat(new TextField("s").strict(false).validateValue("a b", CTX))
        .containsExactly("Text may not contain spaces or tabs.");
    assertThat(new TextField("m").mask(PhpRegex.compile("/^[a-f]+$/i")).validateValue("ABC", CTX))
        .isEmpty();
  }

  @Test
  void generatedValues() {
    assertThat(GeneratedField.uniqid()).matches("[0-9a-f]{13}\\.\\d{8}");
  }
}
