package io.mcpiac.opnsense.emulator.resources;

import io.mcpiac.opnsense.emulator.VersionProfile;
import io.mcpiac.opnsense.emulator.api.ApiResponse;
import io.mcpiac.opnsense.emulator.api.CrudActions;
import io.mcpiac.opnsense.emulator.api.CrudRoutes;
import io.mcpiac.opnsense.emulator.api.EmulatorCore;
import io.mcpiac.opnsense.emulator.api.RouteTable;
import io.mcpiac.opnsense.emulator.api.SearchAction;
import io.mcpiac.opnsense.emulator.api.SettingsActions;
import io.mcpiac.opnsense.emulator.config.Subsystem;
import io.mcpiac.opnsense.emulator.model.ItemModel;

/**
 * What every group of routes is built with: the emulator's core, the CRUD, settings and service
 * actions, and the models of the core's version profile.
 */
record RouteKit(
    EmulatorCore core, CrudRoutes crud, SettingsActions settings, ServiceEndpoints services) {

  RouteKit(EmulatorCore core) {
    this(
        core,
        new CrudRoutes(new CrudActions(core), new SearchAction(core)),
        new SettingsActions(core),
        new ServiceEndpoints(core));
  }

  /** A model table section as this profile's model. */
  ItemModel load(String table, String section) {
    return io.mcpiac.opnsense.emulator.model.ModelVersions.load(table, section, core.version());
  }

  VersionProfile version() {
    return core.version();
  }

  /** A controller's own {@code reconfigure}: POST applies, GET answers failed. */
  void reconfigure(RouteTable.Controller c, Subsystem s) {
    c.action(
        "reconfigure",
        0,
        call -> {
          if (!call.isPost()) {
            return ApiResponse.single("status", "failed");
          }
          core.apply(s);
          return ApiResponse.single("status", "ok");
        });
  }
}
