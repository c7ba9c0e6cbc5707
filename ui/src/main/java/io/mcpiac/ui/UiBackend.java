package io.mcpiac.ui;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.states.StateStore;
import java.nio.file.Path;

/**
 * What the command line gives the web UI: the state store and engines with the right providers (the
 * UI knows no provider and no state location; the cli wires them, as for every command).
 */
public interface UiBackend {
  /** The state store, opened for one request; the caller closes it. */
  StateStore openStore();

  /**
   * A deployment file read and validated with the variables of the environment, and an engine for
   * it with its policies reviewing plans and applies, as {@code plan -f} and {@code apply -f} make
   * them. Throws {@link io.mcpiac.engine.config.ConfigException} with every problem (file, line,
   * resource, property), policies' included.
   */
  FileBench forFile(Path file);

  /** An engine for a deployment known by name: the providers its state and checkpoints use. */
  Bench forState(String deployment);

  /**
   * An engine for restoring a checkpoint: the providers it was made with, where the environment
   * does not say where they are.
   */
  Bench forCheckpoint(io.mcpiac.engine.states.Checkpoint checkpoint);

  /** An engine for a file, and the deployment read from it (with its policy exceptions). */
  interface FileBench extends Bench {
    Deployment deployment();

    /** {@code engine} for {@code deployment}; {@code close} releases what it holds. */
    static FileBench of(Deployment deployment, Engine engine, Runnable close) {
      return new FileBench() {
        @Override
        public Deployment deployment() {
          return deployment;
        }

        @Override
        public Engine engine() {
          return engine;
        }

        @Override
        public void close() {
          close.run();
        }
      };
    }
  }

  /** An engine and what it holds open (providers, a state store), closed together. */
  interface Bench extends AutoCloseable {
    Engine engine();

    @Override
    void close();
  }
}
