// Preloaded into a chaincode server by `CARBON_CHAINCODE_PROFILE=1` (measurement only): SIGUSR2 makes the
// process exit normally, so Node writes the CPU profile `--cpu-prof` collected.
process.on('SIGUSR2', () => process.exit(0));
