import { CONNECTION_DIR_VARIABLE } from '@carbon-ets/gateway-client';
import { runPaths } from '@carbon-ets/network';

// The tests drive the network globalSetup started: every connection, and every `carbon` process they spawn,
// reads the connection settings that network wrote, unless the environment names another folder.
process.env[CONNECTION_DIR_VARIABLE] ??= runPaths.connection;
