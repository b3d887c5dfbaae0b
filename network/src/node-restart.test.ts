import { catchUpGap } from './node-restart';
import { processFromProc } from './process-supervisor';

describe('a restarted peer catching up', () => {
  test('is caught up once it reaches the highest height among the others', () => {
    expect(catchUpGap(40, [42, 41, undefined])).toEqual({ caughtUp: false, target: 42 });
    expect(catchUpGap(42, [42, 41])).toEqual({ caughtUp: true, target: 42 });
    expect(catchUpGap(43, [42])).toEqual({ caughtUp: true, target: 42 });
  });

  test('a peer that does not answer yet is not caught up; with no other height known, any answer is', () => {
    expect(catchUpGap(undefined, [10])).toEqual({ caughtUp: false, target: 10 });
    expect(catchUpGap(1, [undefined, undefined])).toEqual({ caughtUp: true, target: 0 });
  });
});

describe('starting a member server again as it runs (from /proc)', () => {
  const record = { name: 'server.regulator', pid: 4242, command: '/usr/bin/node' };

  test('keeps its arguments, environment and working folder; the command is the one spawned', () => {
    const process = processFromProc(
      record,
      'node\0/repo/server/dist/cli/serve.js\0--org\0Regulator\0',
      'PATH=/usr/bin\0CARBON_CONNECTION_DIR=/repo/network/run/connection\0EMPTY=\0A=b=c\0',
      '/repo',
    );
    expect(process).toEqual({
      name: 'server.regulator',
      command: '/usr/bin/node',
      args: ['/repo/server/dist/cli/serve.js', '--org', 'Regulator'],
      env: {
        PATH: '/usr/bin',
        CARBON_CONNECTION_DIR: '/repo/network/run/connection',
        EMPTY: '',
        A: 'b=c',
      },
      cwd: '/repo',
    });
  });

  test('without a working folder it starts in the caller’s', () => {
    expect(processFromProc(record, 'node', '', undefined)).toEqual({
      name: 'server.regulator',
      command: '/usr/bin/node',
      args: [],
      env: {},
    });
  });
});
