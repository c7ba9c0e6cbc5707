package io.mcpiac.engine.providers.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.resources.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The guarantees every provider gives the engine, checked against its real system or emulator
 * through the {@link io.mcpiac.engine.providers.Provider} SPI only: create and read back, update in
 * place, replace, delete, delete of what is already gone, import, drift on every modelled property,
 * a create whose answer is lost (found again by its id, never duplicated), and a batch with a
 * failing change (one truthful result per change). A provider's test extends this class and
 * supplies a {@link ContractFixture}; each case runs once per {@link TypeSample}.
 *
 * <p>Every case deletes what it made, so cases do not depend on each other's objects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProviderContract {
  private ContractFixture fixture;
  private ContractCalls calls;
  private DriftChecks drift;

  /** The fixture, made once for the test class and closed after it. */
  protected abstract ContractFixture createFixture() throws Exception;

  @BeforeAll
  void startFixture() throws Exception {
    fixture = createFixture();
    calls = new ContractCalls(fixture.provider());
    drift = new DriftChecks(calls);
  }

  @AfterAll
  void closeFixture() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
  }

  private Stream<DynamicTest> each(String what, SampleCase body) {
    return each(what, s -> true, body);
  }

  /**
   * One test per sample that has what the case needs (a type without a replacing change has no
   * replace test).
   */
  private Stream<DynamicTest> each(
      String what, java.util.function.Predicate<TypeSample> applies, SampleCase body) {
    return fixture.samples().stream()
        .filter(applies)
        .map(s -> DynamicTest.dynamicTest(what + " " + s.type(), () -> body.run(s)));
  }

  private interface SampleCase {
    void run(TypeSample sample) throws Exception;
  }

  private interface ObjectCase {
    void run(TypeSample sample, ResourceType type, ContractObject object) throws Exception;
  }

  /** One test per sample, on an object created from it and deleted afterwards. */
  private Stream<DynamicTest> eachObject(
      String what, java.util.function.Predicate<TypeSample> applies, ObjectCase body) {
    return each(
        what,
        applies,
        s -> {
          ResourceType type = calls.type(s.type());
          calls.withObject(type, s.name(), s.create(), o -> body.run(s, type, o));
        });
  }

  @TestFactory
  Stream<DynamicTest> createThenReadBack() {
    return eachObject(
        "create and read back",
        s -> true,
        (s, type, o) -> {
          LiveResource live = calls.readExisting(o);
          assertThat(live.id()).as("id read back").isEqualTo(o.id());
          ContractCalls.assertNoDrift(
              type, o.properties(), live, "a fresh object read back as asked");
        });
  }

  @TestFactory
  Stream<DynamicTest> updateInPlace() {
    return each(
        "update in place",
        s -> s.update() != null,
        s -> {
          ResourceType type = calls.type(s.type());
          Set<String> changes = changed(s.create(), s.update());
          assertThat(changes).as("the update sample changes something").isNotEmpty();
          changes.retainAll(type.replaceOnChange());
          assertThat(changes)
              .as("properties of the update sample that force replacement")
              .isEmpty();
          calls.withObject(
              type,
              s.name(),
              s.create(),
              o -> {
                ChangeResult r = calls.update(o, s.update());
                assertThat(r.error()).as("update").isNull();
                assertThat(r.id() == null ? o.id() : r.id()).as("same object").isEqualTo(o.id());
                ObjectNode now =
                    r.properties() != null ? r.properties() : calls.canonical(type, s.update());
                // read as the planner reads next: with the record the update wrote
                LiveResource live =
                    calls.readExisting(
                        new ContractObject(type, o.name(), o.id(), now, r.outputs()));
                assertThat(live.id()).isEqualTo(o.id());
                ContractCalls.assertNoDrift(type, now, live, "the object as updated");
                assertThat(calls.imported(type, o.id())).as("still one object").hasSize(1);
              });
        });
  }

  @TestFactory
  Stream<DynamicTest> replace() {
    return each(
        "replace",
        s -> s.replace() != null,
        s -> {
          ResourceType type = calls.type(s.type());
          assertThat(changed(s.create(), s.replace()))
              .as("the replace sample changes a property that forces replacement")
              .containsAnyElementsOf(type.replaceOnChange());
          ContractObject old = null;
          ContractObject successor = null;
          try {
            old = calls.create(type, s.name(), s.create());
            int before = fixture.provider().importAll(type).size();
            // the executor's order: new first only where the type allows both at once
            if (type.createBeforeDestroy()) {
              successor = calls.create(type, s.name(), s.replace());
              assertThat(calls.delete(old).error()).as("delete the old object").isNull();
            } else {
              assertThat(calls.delete(old).error()).as("delete the old object").isNull();
              successor = calls.create(type, s.name(), s.replace());
            }
            assertThat(successor.id()).isNotEqualTo(old.id());
            assertThat(calls.read(old)).as("the old object is gone").isEmpty();
            ContractCalls.assertNoDrift(
                type, successor.properties(), calls.readExisting(successor), "the successor");
            assertThat(fixture.provider().importAll(type))
                .as("one object, not two")
                .hasSize(before);
          } finally {
            calls.deleteQuietly(successor);
            calls.deleteQuietly(old);
          }
        });
  }

  @TestFactory
  Stream<DynamicTest> delete() {
    return each(
        "delete",
        s -> {
          ResourceType type = calls.type(s.type());
          int before = fixture.provider().importAll(type).size();
          calls.withObject(
              type,
              s.name(),
              s.create(),
              o -> {
                assertThat(calls.delete(o).error()).as("delete").isNull();
                assertThat(calls.read(o)).as("read after delete").isEmpty();
                assertThat(fixture.provider().importAll(type)).hasSize(before);
              });
        });
  }

  @TestFactory
  Stream<DynamicTest> deleteOfAnAlreadyDeletedObject() {
    return eachObject(
        "delete again",
        s -> true,
        (s, type, o) -> {
          assertThat(calls.delete(o).error()).isNull();
          int after = fixture.provider().importAll(type).size();
          assertThat(calls.delete(o).error())
              .as("deleting what is already gone is done, not a failure")
              .isNull();
          assertThat(calls.read(o)).isEmpty();
          assertThat(fixture.provider().importAll(type)).as("nothing else went").hasSize(after);
        });
  }

  @TestFactory
  Stream<DynamicTest> importAdoptsWhatExists() {
    return eachObject("import", s -> true, (s, type, o) -> imports(type, o));
  }

  private void imports(ResourceType type, ContractObject o) {
    List<LiveResource> found = calls.imported(type, o.id());
    assertThat(found).as("imported by its id").hasSize(1);
    LiveResource imported = found.get(0);
    assertThat(imported.name()).as("import names it").isNotBlank();
    // an import is written to the file and to state as it is, so it must plan clean
    ContractObject adopted =
        new ContractObject(
            type, imported.name(), imported.id(), imported.properties(), imported.outputs());
    ContractCalls.assertNoDrift(
        type, imported.properties(), calls.readExisting(adopted), "imported, read back");
    // and describe the object: a list may be reported for a single value, a short form in full,
    // but a plain value is the value that was created
    o.properties()
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode seen = imported.properties().get(e.getKey());
              if (e.getValue().isValueNode() && seen != null && seen.isValueNode()) {
                assertThat(Json.sameValue(e.getValue(), seen))
                    .as("imported %s: %s, created %s", e.getKey(), seen, e.getValue())
                    .isTrue();
              }
            });
  }

  @TestFactory
  Stream<DynamicTest> aCreateWhoseAnswerIsLostIsFoundByItsIdNeverDuplicated() {
    return each(
        "lost answer",
        s -> {
          ResourceType type = calls.type(s.type());
          int before = fixture.provider().importAll(type).size();
          Change create = calls.createChange(type, s.name(), s.create());
          ContractObject o =
              new ContractObject(type, s.name(), create.id(), create.desired(), Json.object());
          try {
            try {
              fixture.createLosingAnswer(create);
            } catch (Exception | AssertionError lost) {
              // what a lost answer looks like to the caller; the object may still exist
            }
            fixture.recover(create);
            java.util.Optional<LiveResource> found = calls.read(o);
            assertThat(found).as("found again by its id").isPresent();
            // a provider whose objects are known by natural names answers the real id on read
            // (the create's answer, which would have said it, is lost)
            o =
                new ContractObject(
                    type, s.name(), found.get().id(), create.desired(), Json.object());
            // a create made of several calls may have been cut between them (a container made
            // but not started): the same create again, with the same id, completes it
            ChangeResult again = calls.one(create);
            assertThat(again.error()).as("the create repeated with the same id").isNull();
            ContractCalls.assertNoDrift(
                type, o.properties(), calls.readExisting(o), "the object as asked");
            assertThat(calls.imported(type, o.id())).as("one object with the id").hasSize(1);
            assertThat(fixture.provider().importAll(type))
                .as("no duplicate under another id")
                .hasSize(before + 1);
          } finally {
            calls.deleteQuietly(o);
          }
        });
  }

  @TestFactory
  Stream<DynamicTest> aFailedBatchReportsEachChange() {
    List<TypeSample> bad = fixture.samples().stream().filter(s -> s.invalid() != null).toList();
    return bad.stream()
        .map(
            b ->
                DynamicTest.dynamicTest(
                    "failed batch " + b.type(), () -> failedBatch(b, fixture.samples())));
  }

  /** A good create on each side of the refused one (types other than its own where possible). */
  private void failedBatch(TypeSample bad, List<TypeSample> all) {
    List<TypeSample> good = new ArrayList<>();
    for (TypeSample s : all) {
      if (!s.type().equals(bad.type()) && good.size() < 2) {
        good.add(s);
      }
    }
    List<Change> batch = new ArrayList<>();
    if (!good.isEmpty()) {
      batch.add(calls.createChange(calls.type(good.get(0).type()), "ok-1", good.get(0).create()));
    }
    batch.add(calls.createChange(calls.type(bad.type()), "refused", bad.invalid()));
    if (good.size() > 1) {
      batch.add(calls.createChange(calls.type(good.get(1).type()), "ok-2", good.get(1).create()));
    }
    List<ContractObject> made = new ArrayList<>();
    try {
      List<ChangeResult> results = fixture.provider().apply(batch);
      assertThat(results).as("one result per change, in order").hasSize(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        Change c = batch.get(i);
        ChangeResult r = results.get(i);
        assertThat(r.name()).isEqualTo(c.name());
        ContractObject o = ContractCalls.recorded(c, r);
        made.add(o);
        boolean exists = calls.read(o).isPresent();
        if (c.name().equals("refused")) {
          assertThat(r.success()).as("the refused change").isFalse();
          assertThat(r.error()).isNotBlank();
        }
        assertThat(exists)
            .as("%s reported %s", c.name(), r.success() ? "done" : "failed: " + r.error())
            .isEqualTo(r.success());
      }
    } finally {
      made.forEach(calls::deleteQuietly);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyModelledPropertyHasADriftCheck() {
    return each(
        "drift coverage",
        s ->
            assertThat(drift.uncovered(s))
                .as("properties of %s without a drift check", s.type())
                .isEmpty());
  }

  @TestFactory
  Stream<DynamicTest> driftOnEveryModelledProperty() {
    return drift.tests(fixture.samples()).stream();
  }

  private static Set<String> changed(ObjectNode a, ObjectNode b) {
    Set<String> keys = new TreeSet<>();
    a.fieldNames().forEachRemaining(keys::add);
    b.fieldNames().forEachRemaining(keys::add);
    keys.removeIf(k -> Json.sameValue(a.get(k), b.get(k)));
    return keys;
  }
}
