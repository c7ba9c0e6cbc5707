package io.mcpiac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanRenderer;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.kubernetes.objects.Bookkeeping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/k8s-shop.yaml} planned and applied against fabric8's CRUD mock, as a user would
 * run it: the plan orders what the file does not order (namespace first, the Widget after its CRD)
 * and says so; the objects land on the cluster labelled for import and drift; the second plan is
 * empty; a change by hand is drift, a field the cluster adds is not; a resource removed from the
 * file is deleted; destroy removes everything.
 *
 * <p>Run with {@code wait=false}: the mock has no controllers, so no rollout completes and no CRD
 * becomes Established (see {@link MockCluster}); the waits are not exercised here.
 */
class ShopExampleTest extends OnMockCluster {
  private static final Path EXAMPLE = Path.of("../examples/k8s-shop.yaml");
  private static final String VARS = "{\"wait\": false}";

  @Override
  String deployment() {
    return "k8s-shop";
  }

  private static Map<String, PlannedAction> byName(Plan plan) {
    return plan.actions().stream()
        .collect(Collectors.toMap(PlannedAction::name, Function.identity()));
  }

  @Test
  void theExamplePlansInTheClustersOrderAndApplies() {
    Deployment d = k8s.load(EXAMPLE, VARS);
    Plan plan = k8s.plan(d);
    Map<String, PlannedAction> a = byName(plan);
    // the file orders none of this: the provider implies it
    for (String inShop : new String[] {"web-config", "web", "web-svc", "front-widget"}) {
      assertThat(a.get(inShop).dependencies()).as(inShop).contains("shop");
      assertThat(a.get(inShop).stage()).as(inShop).isGreaterThan(a.get("shop").stage());
    }
    assertThat(a.get("front-widget").dependencies()).contains("widgets-crd");
    assertThat(a.get("front-widget").stage()).isGreaterThan(a.get("widgets-crd").stage());
    String shown = new PlanRenderer(false).render(plan);
    assertThat(shown)
        .contains("'front-widget': schema known after its CRD 'widgets-crd' is established");

    ExecutionResult r = k8s.apply(plan);
    assertThat(r.success()).as(r.toString()).isTrue();

    ObjectNode web = kubectl.get("apps/v1", "Deployment", "shop", "web");
    assertThat(web.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(web.at("/spec/minReadySeconds").asInt()).as("from manifest").isEqualTo(5);
    assertThat(web.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("nginx:1.27");
    assertThat(web.at("/spec/template/spec/containers/0/env/0/value").asText())
        .isEqualTo("web-config");
    ObjectNode labels = (ObjectNode) web.at("/metadata/labels");
    assertThat(labels.path(Bookkeeping.MANAGED_BY).asText()).isEqualTo("mcp-iac");
    assertThat(labels.path(Bookkeeping.DEPLOYMENT).asText()).isEqualTo("k8s-shop");
    assertThat(labels.path(Bookkeeping.ID).asText()).isNotEmpty();
    assertThat(web.at("/metadata/annotations").path(Bookkeeping.RESOURCE).asText())
        .isEqualTo("web");
    assertThat(kubectl.get("v1", "Service", "shop", "web").at("/spec/ports/0/port").asInt())
        .isEqualTo(80);
    assertThat(kubectl.get("v1", "ConfigMap", "shop", "web-config").at("/data/MODE").asText())
        .isEqualTo("production");
    assertThat(kubectl.get("example.com/v1", "Widget", "shop", "front").at("/spec/size").asInt())
        .isEqualTo(3);

    Plan again = k8s.plan(k8s.load(EXAMPLE, VARS));
    assertThat(again.actions()).allMatch(x -> x.action() == ActionType.NO_OP);
  }

  @Test
  void aChangeByHandIsDriftAFieldTheClusterAddsIsNot() {
    Deployment d = k8s.load(EXAMPLE, VARS);
    assertThat(k8s.apply(k8s.plan(d)).success()).isTrue();
    // what a controller and the API server add: status, a default, another manager's label
    kubectl.edit(
        "apps/v1",
        "Deployment",
        "shop",
        "web",
        o -> {
          o.putObject("status").put("replicas", 2).put("availableReplicas", 2);
          ((ObjectNode) o.at("/spec")).put("revisionHistoryLimit", 10);
          ((ObjectNode) o.at("/metadata/labels")).put("team.example.com/owner", "ops");
        });
    assertThat(k8s.plan(d).actions()).allMatch(x -> x.action() == ActionType.NO_OP);

    kubectl.edit(
        "apps/v1",
        "Deployment",
        "shop",
        "web",
        o -> ((ObjectNode) o.at("/spec/template/spec/containers/0")).put("image", "nginx:0.1"));
    PlannedAction web = byName(k8s.plan(d)).get("web");
    assertThat(web.action()).isEqualTo(ActionType.UPDATE);
    assertThat(web.drift()).anyMatch(c -> c.path().equals("image"));
    assertThat(k8s.apply(k8s.plan(d)).success()).isTrue();
    assertThat(
            kubectl
                .get("apps/v1", "Deployment", "shop", "web")
                .at("/spec/template/spec/containers/0/image")
                .asText())
        .isEqualTo("nginx:1.27");
  }

  @Test
  void aResourceRemovedFromTheFileIsDeletedAndDestroyRemovesEverything() throws Exception {
    assertThat(k8s.apply(k8s.plan(k8s.load(EXAMPLE, VARS))).success()).isTrue();
    String yaml = Files.readString(EXAMPLE);
    String withoutService =
        yaml.replaceAll("(?s)    - type: k8s:core:service\n      name: web-svc\n.*?\n\n", "");
    assertThat(withoutService).doesNotContain("web-svc");
    Plan prune = k8s.plan(k8s.load(withoutService, VARS));
    assertThat(byName(prune).get("web-svc").action()).isEqualTo(ActionType.DELETE);
    assertThat(k8s.apply(prune).success()).isTrue();
    assertThat(kubectl.get("v1", "Service", "shop", "web")).isNull();
    assertThat(kubectl.get("apps/v1", "Deployment", "shop", "web")).isNotNull();

    Plan destroy = k8s.engine.planDestroy("k8s-shop");
    Map<String, PlannedAction> a = byName(destroy);
    assertThat(a.get("shop").stage())
        .as("the namespace goes last")
        .isGreaterThan(a.get("web").stage());
    assertThat(a.get("widgets-crd").stage()).isGreaterThan(a.get("front-widget").stage());
    assertThat(k8s.apply(destroy).success()).isTrue();
    assertThat(kubectl.get("v1", "Namespace", null, "shop")).isNull();
    assertThat(kubectl.get("apps/v1", "Deployment", "shop", "web")).isNull();
    assertThat(
            kubectl.get(
                "apiextensions.k8s.io/v1", "CustomResourceDefinition", null, "widgets.example.com"))
        .isNull();
  }
}
