import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NetworkError } from './errors';
import { run } from './exec';
import { CACHE_DIR } from './paths';
import type { Progress } from './progress';
import type { GoModuleBuild, Topology } from './topology';

/** Go ≥ this is needed to build Fabric from its modules. */
const MIN_GO_VERSION: readonly [number, number] = [1, 26];

/** Where the binaries of one pinned module version live. */
function binDir(build: GoModuleBuild): string {
  return path.join(CACHE_DIR, 'bin', `${path.basename(build.module)}@${build.version}`);
}

/** Absolute path of a built command, e.g. `fabricBinary(topology.fabric, 'peer')`. */
export function fabricBinary(build: GoModuleBuild, command: string): string {
  return path.join(binDir(build), command);
}

/** Directory of the module source in the Go module cache (holds Fabric's stock core.yaml and orderer.yaml). */
export function moduleSourceDir(build: GoModuleBuild): string {
  const stamp = readStamp(build);
  if (!stamp)
    throw new NetworkError(`${build.module}@${build.version} is not built`, 'run `npm run network:up`');
  return stamp.sourceDir;
}

interface BuildStamp {
  readonly module: string;
  readonly version: string;
  readonly sourceDir: string;
  readonly commands: readonly string[];
}

function stampFile(build: GoModuleBuild): string {
  return path.join(binDir(build), 'build.json');
}

function readStamp(build: GoModuleBuild): BuildStamp | undefined {
  try {
    return JSON.parse(readFileSync(stampFile(build), 'utf8')) as BuildStamp;
  } catch {
    return undefined;
  }
}

function isBuilt(build: GoModuleBuild): boolean {
  const stamp = readStamp(build);
  return (
    stamp?.version === build.version &&
    existsSync(stamp.sourceDir) &&
    build.commands.every((cmd) => existsSync(fabricBinary(build, path.basename(cmd))))
  );
}

/**
 * Builds Fabric (peer, orderer, configtxgen, osnadmin) and Fabric CA (server, client, with cgo) from their
 * Go modules at the versions pinned in the topology, unless that exact version is already in the cache.
 */
export async function ensureFabricBinaries(topology: Topology, progress: Progress): Promise<void> {
  for (const build of [topology.fabric, topology.fabricCa]) {
    if (isBuilt(build)) continue;
    await checkGo();
    progress.step(
      `Building ${build.module}@${build.version} (${build.commands.map((c) => path.basename(c)).join(', ')}) — a few minutes the first time`,
    );
    await buildModule(build);
    progress.done(`binaries in ${path.relative(process.cwd(), binDir(build)) || binDir(build)}`);
  }
}

/** One clear line when Go is missing or too old. */
export async function checkGo(): Promise<void> {
  let version: string;
  try {
    version = (await run('go', ['env', 'GOVERSION'])).stdout.trim();
  } catch {
    throw new NetworkError(
      `Go ${MIN_GO_VERSION.join('.')} or newer is required to build Fabric, but \`go\` is not on PATH`,
      'install Go from https://go.dev/dl/ and add its bin folder to PATH',
    );
  }
  const match = /^go(\d+)\.(\d+)/.exec(version);
  const [major, minor] = [Number(match?.[1] ?? 0), Number(match?.[2] ?? 0)];
  if (major < MIN_GO_VERSION[0] || (major === MIN_GO_VERSION[0] && minor < MIN_GO_VERSION[1])) {
    throw new NetworkError(
      `Go ${MIN_GO_VERSION.join('.')} or newer is required to build Fabric, found ${version || 'an unknown version'}`,
      'install a newer Go from https://go.dev/dl/',
    );
  }
}

/**
 * `go mod download` fetches the pinned module (checked against the Go checksum database), then `go build`
 * compiles its commands with the module's own go.mod and go.sum. This is what `go install module/cmd@version`
 * does, but it does not need the proxy's version list, which some module mirrors do not serve.
 */
async function buildModule(build: GoModuleBuild): Promise<void> {
  const env = { ...process.env, CGO_ENABLED: '1', GOFLAGS: '-mod=mod' };
  const { stdout } = await run('go', ['mod', 'download', '-json', `${build.module}@${build.version}`], {
    env,
  });
  const info = JSON.parse(stdout) as { Dir?: string; Error?: string };
  if (!info.Dir)
    throw new NetworkError(
      `go mod download ${build.module}@${build.version} failed: ${info.Error ?? stdout}`,
    );
  const out = binDir(build);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await run('go', ['build', '-o', `${out}/`, ...build.commands.map((c) => `./${c}`)], {
    env,
    cwd: info.Dir,
  });
  const stamp: BuildStamp = {
    module: build.module,
    version: build.version,
    sourceDir: info.Dir,
    commands: build.commands,
  };
  writeFileSync(stampFile(build), `${JSON.stringify(stamp, null, 2)}\n`);
}
