package io.mcpiac.cli.output;

import io.mcpiac.engine.execution.ProgressEvent;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.plans.Plan;
import java.io.PrintWriter;
import java.util.List;

/** Live progress bars, one per stage and one overall, redrawn in place with ANSI codes. */
final class TerminalProgress implements ProgressListener {
  private static final int WIDTH = 30;
  private static final int MAX_STAGE_BARS = 12;
  private final PrintWriter out;
  private final int[] stageTotals;
  private final int[] stageDone;
  private final long started = System.nanoTime();
  private int total;
  private int done;
  private int drawnLines;
  private long lastDraw;

  TerminalProgress(Plan plan, PrintWriter out) {
    this.out = out;
    List<List<String>> stages = plan.stages();
    this.stageTotals = new int[stages.size()];
    this.stageDone = new int[stages.size()];
    for (int i = 0; i < stages.size(); i++) {
      stageTotals[i] = stages.get(i).size();
    }
  }

  @Override
  public void on(ProgressEvent e) {
    if (e.kind() == ProgressEvent.Kind.START) {
      total = e.total();
    }
    if (e.kind() == ProgressEvent.Kind.ACTION_UPDATE && !"running".equals(e.status())) {
      done = e.completed();
      if (e.stage() >= 0 && e.stage() < stageDone.length) {
        stageDone[e.stage()]++;
      }
      if (!"complete".equals(e.status())) {
        printAbove(ProgressPrinter.plainLine(e));
        return;
      }
    }
    switch (e.kind()) {
      case ROLLBACK_START, ROLLBACK_ACTION, ROLLBACK_COMPLETE ->
          printAbove(ProgressPrinter.plainLine(e));
      case COMPLETE -> draw(true);
      default -> draw(false);
    }
  }

  private void printAbove(String line) {
    clear();
    if (line != null) {
      out.println(line);
    }
    draw(true);
  }

  private void clear() {
    if (drawnLines > 0) {
      out.print("\u001b[" + drawnLines + "F\u001b[J");
      drawnLines = 0;
    }
  }

  private void draw(boolean force) {
    long now = System.nanoTime();
    if (!force && now - lastDraw < 50_000_000L) {
      return;
    }
    lastDraw = now;
    clear();
    int shown = Math.min(stageTotals.length, MAX_STAGE_BARS);
    int first = Math.max(0, firstUnfinishedStage() - shown / 2);
    first = Math.min(first, Math.max(0, stageTotals.length - shown));
    StringBuilder block = new StringBuilder();
    for (int i = first; i < first + shown; i++) {
      block
          .append(bar(String.format("Stage %-3d", i + 1), stageDone[i], stageTotals[i]))
          .append('\n');
    }
    double seconds = (now - started) / 1e9;
    block
        .append(bar("Overall  ", done, total))
        .append(String.format("  %.1fs", seconds))
        .append('\n');
    out.print(block);
    out.flush();
    drawnLines = shown + 1;
  }

  private int firstUnfinishedStage() {
    for (int i = 0; i < stageTotals.length; i++) {
      if (stageDone[i] < stageTotals[i]) {
        return i;
      }
    }
    return stageTotals.length;
  }

  private static String bar(String label, int done, int total) {
    int filled = total == 0 ? WIDTH : (int) Math.round((double) WIDTH * done / total);
    return label
        + " ["
        + "█".repeat(filled)
        + "░".repeat(WIDTH - filled)
        + "] "
        + String.format("%5d/%-5d", done, total)
        + (done == total ? " done" : "");
  }
}
