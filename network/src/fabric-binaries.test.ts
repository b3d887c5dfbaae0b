import { checkGo } from './fabric-binaries';
import { NetworkError } from './errors';

describe('checkGo', () => {
  const savedPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = savedPath;
  });

  test('accepts the Go on this machine (Go ≥ 1.26 is a prerequisite)', async () => {
    await expect(checkGo()).resolves.toBeUndefined();
  });

  test('without go on PATH it fails with one line that says what to install', async () => {
    process.env.PATH = '/nonexistent';
    const failure = checkGo();
    await expect(failure).rejects.toBeInstanceOf(NetworkError);
    await expect(failure).rejects.toThrow(
      /^Go 1\.26 or newer is required to build Fabric, but `go` is not on PATH$/,
    );
  });
});
