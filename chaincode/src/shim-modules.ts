import { createRequire } from 'node:module';

/**
 * A module as fabric-shim itself loads it: the instance whose objects the shim uses, which is the one a change
 * to the shim's behaviour must reach.
 */
export function requireAsShim(name: string): unknown {
  return createRequire(require.resolve('fabric-shim'))(name);
}
