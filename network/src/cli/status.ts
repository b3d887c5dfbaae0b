import { status } from '../network';
import { main } from './main';

// npm run network:status [-- --json] — each node's health, each peer's block height, the committed chaincode.
main(async () => {
  const result = await status();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    const rows = result.nodes.map((n) => [
      n.name,
      n.pid === undefined ? '-' : String(n.pid),
      n.running ? 'running' : 'stopped',
      n.healthy === undefined ? '-' : n.healthy ? 'OK' : 'UNHEALTHY',
      n.blockHeight === undefined ? '-' : String(n.blockHeight),
    ]);
    const header = ['NODE', 'PID', 'PROCESS', 'HEALTH', 'HEIGHT'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    for (const row of [header, ...rows])
      console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
    console.log(`chaincode: ${result.chaincode ?? 'not committed (or no peer running)'}`);
  }
  const fabricNodes = result.nodes.filter((n) => n.healthy !== undefined);
  if (!fabricNodes.every((n) => n.healthy)) process.exitCode = 3;
});
