package io.mcpiac.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule of every built-in pack, on its own passing and failing examples: the pack's YAML is
 * the specification, and this runs each example through the real CEL evaluation.
 */
class BuiltInPacksTest {
  static final List<String> PACKS =
      List.of("opnsense-baseline", "docker-cis", "aws-baseline", "k8s-pod-security");

  @Test
  void theBuiltInPacksAreFoundOnTheClassPathAndReadWithoutProblems() {
    assertThat(Packs.all().keySet()).containsAll(PACKS);
    for (String name : found()) {
      PolicySet set = load(name);
      assertThat(set.problems()).as(name).isEmpty();
      assertThat(set.policies()).as(name).isNotEmpty();
      assertThat(Packs.named(name).description()).as(name).isNotBlank();
    }
  }

  @Test
  void everyRuleOfEveryPackHasAPassingAndAFailingExample() {
    for (String name : found()) {
      for (Policy p : load(name).policies()) {
        for (Rule r : p.rules()) {
          assertThat(r.passing()).as(name + " " + p.name() + "/" + r.id()).isNotEmpty();
          assertThat(r.failing()).as(name + " " + p.name() + "/" + r.id()).isNotEmpty();
          assertThat(r.control()).as(name + " " + p.name() + "/" + r.id()).isNotBlank();
        }
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> eachExampleOfEachRuleBehavesAsItSays() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : found()) {
      for (PolicyTester.Case c : PolicyTester.run(load(name).policies())) {
        tests.add(
            DynamicTest.dynamicTest(
                name
                    + " "
                    + c.policy()
                    + "/"
                    + c.rule()
                    + " "
                    + (c.expectPass() ? "pass" : "fail")
                    + "["
                    + c.index()
                    + "]",
                () -> assertThat(c.ok()).as(c.text()).isTrue()));
      }
    }
    assertThat(tests).hasSizeGreaterThan(40);
    return tests.stream();
  }

  /**
   * Every pack on the class path, not a list kept by hand: a pack added later is checked without
   * anyone remembering to name it here (the aws and k8s packs once went unchecked that way).
   */
  static List<String> found() {
    return List.copyOf(Packs.all().keySet());
  }

  static PolicySet load(String pack) {
    return PolicySet.load(List.of(), List.of(), List.of(pack));
  }
}
