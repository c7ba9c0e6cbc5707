/** An OPNsense API server that follows the contract in shared/opnsense-api. */
package io.mcpiac.opnsense.emulator;
