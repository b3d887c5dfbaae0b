import { describeRecovery, type NodeCondition, nodesToStart, recoveryPlan } from './recovery-plan';

const EXPECTED = ['ca', 'orderer1', 'orderer2', 'peer0.regulator', 'chaincode.regulator'];

function conditions(...list: [name: string, pidFile: boolean, alive: boolean, healthy: boolean][]) {
  return new Map<string, NodeCondition>(
    list.map(([name, pidFile, alive, healthy]) => [name, { name, pidFile, alive, healthy }]),
  );
}

describe('network:up after a crash: the recovery plan', () => {
  test('a peer SIGKILLed (stale pid file) is started alone; the healthy processes are kept', () => {
    const plan = recoveryPlan(
      EXPECTED,
      conditions(
        ['ca', true, true, true],
        ['orderer1', true, true, true],
        ['orderer2', true, true, true],
        ['peer0.regulator', true, false, false],
        ['chaincode.regulator', true, true, true],
      ),
    );
    expect(plan).toEqual({
      keep: ['ca', 'orderer1', 'orderer2', 'chaincode.regulator'],
      restart: [],
      start: ['peer0.regulator'],
      stalePidFiles: ['peer0.regulator'],
    });
    expect(nodesToStart(EXPECTED, plan)).toEqual(['peer0.regulator']);
    expect(describeRecovery(plan)).toBe(
      'starting peer0.regulator (down); keeping 4 healthy process(es); cleared 1 stale pid file(s)',
    );
  });

  test('a live process that does not answer its health check is restarted', () => {
    const plan = recoveryPlan(
      EXPECTED,
      conditions(
        ['ca', true, true, true],
        ['orderer1', true, true, false],
        ['orderer2', true, true, true],
        ['peer0.regulator', true, true, true],
        ['chaincode.regulator', true, true, true],
      ),
    );
    expect(plan.restart).toEqual(['orderer1']);
    expect(plan.start).toEqual([]);
    expect(nodesToStart(EXPECTED, plan)).toEqual(['orderer1']);
    expect(describeRecovery(plan)).toBe(
      'restarting orderer1 (alive but unhealthy); keeping 4 healthy process(es)',
    );
  });

  test('after a reboot (no pid files) everything starts, in start order', () => {
    const plan = recoveryPlan(EXPECTED, conditions());
    expect(plan.keep).toEqual([]);
    expect(plan.stalePidFiles).toEqual([]);
    expect(nodesToStart(EXPECTED, plan)).toEqual(EXPECTED);
    expect(describeRecovery(plan)).toBe(`starting ${EXPECTED.join(', ')} (down); no process was running`);
  });

  test('a running network needs nothing started', () => {
    const plan = recoveryPlan(
      EXPECTED,
      conditions(...EXPECTED.map((n): [string, boolean, boolean, boolean] => [n, true, true, true])),
    );
    expect(nodesToStart(EXPECTED, plan)).toEqual([]);
    expect(plan.keep).toEqual(EXPECTED);
  });

  test('pid files of processes that are not the network’s (member servers) do not enter the plan', () => {
    const plan = recoveryPlan(
      ['ca'],
      conditions(['ca', true, true, true], ['server.regulator', true, false, false]),
    );
    expect(plan).toEqual({ keep: ['ca'], restart: [], start: [], stalePidFiles: [] });
  });
});
