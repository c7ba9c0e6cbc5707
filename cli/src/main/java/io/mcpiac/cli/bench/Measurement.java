package io.mcpiac.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.function.Supplier;

/** Wall time and peak heap of one phase of a benchmark, measured around the real code path. */
public record Measurement(String phase, int resources, long millis, long peakHeapBytes) {

  public double perResourceMicros() {
    return resources == 0 ? 0 : millis * 1000.0 / resources;
  }

  public static <T> Measurement of(String phase, int resources, Supplier<T> work) {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
    long start = System.nanoTime();
    work.get();
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return new Measurement(phase, resources, millis, peak);
  }
}
