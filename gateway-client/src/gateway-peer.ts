import { readdirSync } from 'node:fs';
import type { Contract } from '@hyperledger/fabric-gateway';
import { loadConnectionSettings, type OrgConnectionSettings, settingsDirOf } from './connection-settings';
import { GatewayClientError } from './errors';

/**
 * The settings to reach another organisation's peer as this user: the user's own settings (identity, MSP,
 * channel) with that peer's Gateway endpoint, TLS host name and TLS root. A Fabric Gateway accepts any
 * channel member's client identity, so an auditor can read the world state of each organisation's peer.
 */
export function gatewayPeerSettings(
  own: OrgConnectionSettings,
  peer: OrgConnectionSettings,
): OrgConnectionSettings {
  return {
    ...own,
    peerEndpoint: peer.peerEndpoint,
    peerHostAlias: peer.peerHostAlias,
    tlsRootCertFile: peer.tlsRootCertFile,
  };
}

/**
 * The connection settings of the organisation whose peer is to be used (by name, case-insensitive); an
 * unknown name is one line naming the organisations that have settings.
 */
export function loadGatewayPeerSettings(organization: string, dir?: string): OrgConnectionSettings {
  try {
    return loadConnectionSettings(organization, dir);
  } catch (err) {
    if (!(err instanceof GatewayClientError) || err.code !== 'NO_CONNECTION_SETTINGS') throw err;
    let known: string[] = [];
    try {
      known = readdirSync(settingsDirOf(dir))
        .filter((file) => file.endsWith('.json'))
        .map((file) => file.slice(0, -'.json'.length));
    } catch {
      throw err;
    }
    if (known.length === 0) throw err;
    throw new GatewayClientError(
      'NO_CONNECTION_SETTINGS',
      `no peer organisation "${organization}"`,
      `name one of: ${known.join(', ')}`,
    );
  }
}

/**
 * The contract with every evaluation endorsed by `mspId`'s peers only. A Gateway evaluates on its own
 * organisation's peer first but falls back to another organisation's peer when that one fails; targeting the
 * organisation explicitly means an answer can only come from the peer asked for.
 */
export function evaluatingOn(contract: Contract, mspId: string): Contract {
  return new Proxy(contract, {
    get(target, property) {
      if (property === 'evaluateTransaction') {
        return (name: string, ...args: (string | Uint8Array)[]) =>
          target.evaluate(name, { arguments: args, endorsingOrganizations: [mspId] });
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
