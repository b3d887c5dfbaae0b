import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from './exec';

type Module = typeof import('./statedb-tamper');

/** A run folder of its own (runPaths reads CARBON_RUN_DIR when loaded), never the real network's. */
const runDir = mkdtempSync(path.join(tmpdir(), 'tamper-run-'));
let tamper: Module;
const savedRunDir = process.env.CARBON_RUN_DIR;

beforeAll(async () => {
  process.env.CARBON_RUN_DIR = runDir;
  jest.resetModules();
  tamper = await import('./statedb-tamper');
});

afterAll(() => {
  if (savedRunDir === undefined) delete process.env.CARBON_RUN_DIR;
  else process.env.CARBON_RUN_DIR = savedRunDir;
  rmSync(runDir, { recursive: true, force: true });
});

const lot = { org: 'Enterprise2', accountId: 'NATIONAL-ALLOCATION', lotId: 'tx.1', quantity: 9000 };

describe('tamperLotQuantity', () => {
  test('the state database of a peer is in its run folder, as core.yaml lays it out', async () => {
    const { loadTopology } = await import('./topology');
    const org = loadTopology().organizations.find((o) => o.name === 'Enterprise2');
    if (!org) throw new Error('no Enterprise2');
    expect(tamper.stateDatabaseDir(org)).toBe(
      path.join(runDir, 'data', 'peer0.enterprise2', 'ledgersData', 'stateLeveldb'),
    );
  });

  test('an unknown organisation is one line naming the known ones', async () => {
    const attempt = tamper.tamperLotQuantity({ ...lot, org: 'Enterprise9' });
    await expect(attempt).rejects.toThrow('unknown organisation "Enterprise9"');
    await expect(attempt).rejects.toMatchObject({
      hint: 'name one of: Regulator, Verifier, Enterprise1, Enterprise2, Auditor',
    });
  });

  test('a quantity that is not whole tonnes is refused', async () => {
    await expect(tamper.tamperLotQuantity({ ...lot, quantity: 12.5 })).rejects.toThrow(
      'quantity 12.5 is not a whole number of tonnes',
    );
  });

  test('refuses while the peer runs: its pid file names a live process', async () => {
    mkdirSync(path.join(runDir, 'pids'), { recursive: true });
    // This very process stands for the peer: its pid and the program its command line starts with.
    const [program] = readFileSync('/proc/self/cmdline', 'utf8').split('\0');
    writeFileSync(path.join(runDir, 'pids', 'peer0.enterprise2.pid'), `${process.pid}\n${program}\n`);
    try {
      const attempt = tamper.tamperLotQuantity(lot);
      // A user-fixable NetworkError (the class of this test's own module registry).
      await expect(attempt).rejects.toMatchObject({ name: 'NetworkError', userFixable: true });
      await expect(attempt).rejects.toThrow(
        `peer0.enterprise2 is running (pid ${process.pid}); its state database can only be changed while it is stopped`,
      );
    } finally {
      rmSync(path.join(runDir, 'pids', 'peer0.enterprise2.pid'));
    }
  });

  test('a peer without a state database (network never bootstrapped) is one line', async () => {
    await expect(tamper.tamperLotQuantity(lot)).rejects.toThrow(
      `peer0.enterprise2 has no state database at ${path.join(runDir, 'data', 'peer0.enterprise2', 'ledgersData', 'stateLeveldb')}`,
    );
  });

  test('builds the Go tool once (cached by its sources) and passes the tool’s refusal on', async () => {
    const binary = await tamper.ensureTamperTool();
    expect(await tamper.ensureTamperTool()).toBe(binary);
    mkdirSync(path.join(runDir, 'data', 'peer0.enterprise2', 'ledgersData', 'stateLeveldb'), {
      recursive: true,
    });
    // An empty folder is no LevelDB: the tool's one-line error comes through.
    await expect(tamper.tamperLotQuantity(lot)).rejects.toThrow(
      /statedb-tamper: cannot open the state database .*stateLeveldb \(is the peer still running\?\)/,
    );
  }, 300_000);

  test('the Go tool’s own tests pass: Fabric’s key layout, same-length substitution, refusals', async () => {
    const { stdout } = await run('go', ['test', './...'], {
      cwd: tamper.TAMPER_TOOL_DIR,
      timeoutMs: 300_000,
    });
    expect(stdout).toMatch(/^ok\s/m);
  }, 300_000);
});
