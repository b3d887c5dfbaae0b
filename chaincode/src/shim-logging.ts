import type * as Winston from 'winston';
import { requireAsShim } from './shim-modules';

type Write = (this: Winston.Logger, info: unknown, ...rest: unknown[]) => boolean;

const LEVEL = Symbol.for('level');
const patched = new WeakSet();

/**
 * fabric-shim and fabric-contract-api log through winston, and winston runs every message through the whole
 * format (timestamp, metadata, colours, padding) before its transport drops a level that is not enabled. The
 * shim writes several debug messages for each message it exchanges with the peer, so formatting lines nobody
 * sees cost about a fifth of a chaincode server's CPU per transaction (BENCHMARKS.md, "Inside a chaincode
 * server"). After this, a logger drops such a message before formatting it; every line that was written before
 * is still written, and a logger's level can still be changed at any time.
 */
export function dropDisabledLogLevels(winston = requireAsShim('winston') as typeof Winston): void {
  const prototype = winston.Logger.prototype as unknown as { write: Write };
  if (patched.has(prototype)) return;
  patched.add(prototype);
  const write = prototype.write;
  prototype.write = function (info, ...rest) {
    const level = levelOf(info);
    if (level !== undefined && !this.isLevelEnabled(level)) {
      const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
      if (callback) process.nextTick(callback);
      return true;
    }
    return write.call(this, info, ...rest);
  };
}

function levelOf(info: unknown): string | undefined {
  if (typeof info !== 'object' || info === null) return undefined;
  const level =
    (info as { [LEVEL]?: unknown; level?: unknown })[LEVEL] ?? (info as { level?: unknown }).level;
  return typeof level === 'string' ? level : undefined;
}
