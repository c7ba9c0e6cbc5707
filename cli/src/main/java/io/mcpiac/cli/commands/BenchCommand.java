package io.mcpiac.cli.commands;

import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.bench.EngineBenchmark;
import io.mcpiac.cli.bench.Measurement;
import io.mcpiac.cli.bench.TerraformBaseline;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mcp-iac bench}: engine overhead against Terraform, in one run, as ratios. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark the engine: N core:data resources where b[i] depends on a[i]; apply from"
          + " empty, no-op plan, destroy. Where terraform is on the PATH, the same graph with"
          + " terraform_data is timed in the same run and the ratio printed."
    })
public final class BenchCommand implements Callable<Integer> {
  @Option(
      names = "--sizes",
      split = ",",
      defaultValue = "400,2000,10000",
      description = "Resource counts (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(
      names = "--parallelism",
      defaultValue = "10",
      description = "For both engines (default: ${DEFAULT-VALUE}, Terraform's default).")
  int parallelism;

  @Option(
      names = "--terraform-max",
      defaultValue = "2000",
      description =
          "Largest N also run with Terraform (default: ${DEFAULT-VALUE}; its cost grows"
              + " quadratically).")
  int terraformMax;

  @Option(names = "--no-terraform", description = "Do not run Terraform.")
  boolean noTerraform;

  @Option(
      names = "--warmup",
      defaultValue = "400",
      description =
          "Resources of an untimed first run, so the JIT has compiled the engine before timing"
              + " (default: ${DEFAULT-VALUE}; 0 for a cold start).")
  int warmup;

  @Option(
      names = "--opnsense",
      description =
          "Benchmark the OPNsense provider instead: mixed resources against the emulator with"
              + " injected latency; wall time next to the plan's critical path, and the number"
              + " of apply/reconfigure calls.")
  boolean opnsense;

  @Option(
      names = "--opnsense-resources",
      defaultValue = "500",
      paramLabel = "N",
      description = "Resources of the OPNsense benchmark (default: ${DEFAULT-VALUE}).")
  int opnsenseResources;

  @Option(
      names = "--call-latency-ms",
      defaultValue = "20",
      description = "Injected latency per API call (default: ${DEFAULT-VALUE}).")
  long callLatencyMs;

  @Option(
      names = "--apply-latency-ms",
      defaultValue = "500",
      description = "Injected latency per apply/reconfigure (default: ${DEFAULT-VALUE}).")
  long applyLatencyMs;

  @Option(
      names = "--startup",
      description =
          "Measure start-up instead: the median of --runs whole-process runs of --version, validate"
              + " and plan of a one-resource file, and apply of 400 resources, through"
              + " bin/mcp-iac; next to Terraform's where it is installed.")
  boolean startup;

  @Option(
      names = "--runs",
      defaultValue = "10",
      description = "Runs per command of --startup (default: ${DEFAULT-VALUE}).")
  int runs;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (opnsense) {
      return opnsense(out);
    }
    if (startup) {
      return startup(out);
    }
    Optional<Path> terraform = noTerraform ? Optional.empty() : TerraformBaseline.find();
    out.println(
        "mcp-iac bench: core:data pairs (b[i] depends on a[i]), SQLite state, parallelism "
            + parallelism
            + "; "
            + Runtime.getRuntime().availableProcessors()
            + " cores; terraform: "
            + terraform.map(Path::toString).orElse("not found"));
    out.println();
    out.println(
        String.format(
            "%7s  %-13s %10s %12s %11s %12s %9s",
            "N", "phase", "mcp-iac ms", "µs/resource", "peak heap", "terraform ms", "speed-up"));
    if (warmup > 0) {
      EngineBenchmark.run(warmup, parallelism, Files.createTempDirectory("mcp-iac-bench-warmup-"));
      out.println("(after an untimed warm-up run of " + warmup + " resources)");
    }
    List<Measurement> applies = new ArrayList<>();
    for (int n : sizes) {
      Path dir = Files.createTempDirectory("mcp-iac-bench-");
      List<Measurement> ours = EngineBenchmark.run(n, parallelism, dir);
      List<Measurement> theirs = List.of();
      if (terraform.isPresent() && n <= terraformMax) {
        Path tfDir = Files.createTempDirectory("mcp-iac-bench-tf-");
        theirs = TerraformBaseline.run(terraform.get(), n, parallelism, tfDir);
      }
      for (int i = 0; i < ours.size(); i++) {
        Measurement m = ours.get(i);
        Measurement t = theirs.isEmpty() ? null : theirs.get(i);
        out.println(
            String.format(
                "%7d  %-13s %10d %12.1f %9.1f MB %12s %9s",
                n,
                m.phase(),
                m.millis(),
                m.perResourceMicros(),
                m.peakHeapBytes() / 1e6,
                t == null ? "-" : Long.toString(t.millis()),
                t == null
                    ? "-"
                    : String.format("%.1fx", (double) t.millis() / Math.max(1, m.millis()))));
      }
      applies.add(ours.get(0));
    }
    if (applies.size() >= 2) {
      Measurement small = applies.get(0);
      Measurement large = applies.get(applies.size() - 1);
      out.println();
      out.println(
          String.format(
              "Scaling of apply: %d → %d resources (%.0fx more) took %.1fx the time;"
                  + " cost per resource %.1f → %.1f µs (linear when about equal).",
              small.resources(),
              large.resources(),
              (double) large.resources() / small.resources(),
              (double) large.millis() / Math.max(1, small.millis()),
              small.perResourceMicros(),
              large.perResourceMicros()));
    }
    return ExitCodes.OK;
  }

  private int startup(PrintWriter out) throws Exception {
    List<String> launcher =
        io.mcpiac.cli.Installation.launcher()
            .map(p -> List.of(p.toString()))
            .orElseGet(
                () ->
                    List.of(
                        "java",
                        "-jar",
                        io.mcpiac.cli.Installation.jar()
                            .orElseThrow(() -> new io.mcpiac.cli.UsageException("no jar"))
                            .toString()));
    Optional<Path> terraform = noTerraform ? Optional.empty() : TerraformBaseline.find();
    out.println(
        "mcp-iac bench --startup: median of "
            + runs
            + " whole-process runs each; "
            + String.join(" ", launcher)
            + "; "
            + Runtime.getRuntime().availableProcessors()
            + " cores; terraform: "
            + terraform.map(Path::toString).orElse("not found"));
    out.flush();
    var rows =
        io.mcpiac.cli.bench.StartupBenchmark.run(
            launcher, terraform, runs, Files.createTempDirectory("mcp-iac-bench-startup-"));
    out.println();
    out.println(String.format("%-24s %12s %14s", "command", "mcp-iac ms", "terraform ms"));
    for (var r : rows) {
      out.println(
          String.format(
              "%-24s %12d %14s",
              r.command(),
              r.oursMillis(),
              r.terraformMillis() < 0 ? "-" : Long.toString(r.terraformMillis())));
    }
    return ExitCodes.OK;
  }

  private int opnsense(PrintWriter out) throws Exception {
    out.println(
        "mcp-iac bench --opnsense: "
            + opnsenseResources
            + " mixed OPNsense resources (aliases, rules, VLANs, HAProxy servers/backends/"
            + "frontends, DNS overrides) on the emulator over HTTPS; "
            + callLatencyMs
            + " ms per API call, "
            + applyLatencyMs
            + " ms per apply/reconfigure; engine parallelism "
            + parallelism
            + "; "
            + Runtime.getRuntime().availableProcessors()
            + " cores");
    out.flush();
    Path dir = Files.createTempDirectory("mcp-iac-bench-opnsense-");
    io.mcpiac.cli.bench.OpnsenseBenchmark.Report r =
        io.mcpiac.cli.bench.OpnsenseBenchmark.run(
            opnsenseResources, parallelism, callLatencyMs, applyLatencyMs, dir);
    out.println();
    out.println(
        String.format(
            "apply from empty:  %d ms for %d resources (%d writes)",
            r.applyMs(), r.resources(), r.writes()));
    out.println(
        String.format(
            "critical path:     %d ms (longest dependency chain %d actions × %d ms + one"
                + " activation %d ms) → wall time / critical path = %.1fx",
            r.criticalPathMs(),
            r.depth(),
            r.callLatencyMs(),
            r.callLatencyMs() + r.applyLatencyMs(),
            (double) r.applyMs() / Math.max(1, r.criticalPathMs())));
    out.println(
        String.format(
            "batched bound:     %d ms (%d writes × %d ms / %d concurrent writes + one activation"
                + " per dependency level, %d × %d ms)",
            r.writes() * r.callLatencyMs() / 4
                + r.depth() * (r.callLatencyMs() + r.applyLatencyMs()),
            r.writes(),
            r.callLatencyMs(),
            4,
            r.depth(),
            r.callLatencyMs() + r.applyLatencyMs()));
    out.println(
        String.format(
            "serial writes:     %d ms if every write waited for the previous one (%d × %d ms)",
            r.writes() * r.callLatencyMs(), r.writes(), r.callLatencyMs()));
    out.println(
        String.format(
            "activations:       %d apply/reconfigure calls for %d resources %s",
            r.activations(), r.resources(), r.activationCalls()));
    out.println(String.format("plan (no-op):      %d ms", r.planMs()));
    out.println(
        String.format(
            "destroy:           %d ms, %d apply/reconfigure calls",
            r.destroyMs(), r.destroyActivations()));
    return ExitCodes.OK;
  }
}
