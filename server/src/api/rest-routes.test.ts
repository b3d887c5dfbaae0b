import * as contract from '@carbon-ets/contract';
import { qualifiedName, type TransactionDefinition } from '@carbon-ets/contract';
import { REST_ROUTES } from './rest-routes';

/** Every transaction the wire contract declares (the contracts are the exported objects of definitions). */
function contractTransactions(): TransactionDefinition[] {
  const isDefinition = (value: unknown): value is TransactionDefinition => {
    const kind = (value as { kind?: unknown } | null)?.kind;
    return (
      typeof value === 'object' &&
      value !== null &&
      'contract' in value &&
      (kind === 'submit' || kind === 'evaluate')
    );
  };
  const exported: unknown[] = Object.values(contract);
  return exported
    .flatMap((value): unknown[] => (typeof value === 'object' && value !== null ? Object.values(value) : []))
    .filter(isDefinition);
}

describe('REST routes', () => {
  it('give every transaction of the wire contract exactly one route', () => {
    const routed = REST_ROUTES.map((route) => qualifiedName(route.definition));
    const declared = [...new Set(contractTransactions().map(qualifiedName))].sort();
    expect(declared.length).toBeGreaterThan(50);
    expect([...new Set(routed)].sort()).toEqual(declared);
    expect(routed).toHaveLength(new Set(routed).size);
  });

  it('send writes with POST or PUT and reads with GET, each path and method used once', () => {
    for (const route of REST_ROUTES) {
      expect([route.definition.kind, route.method]).toEqual(
        route.definition.kind === 'submit'
          ? ['submit', expect.stringMatching(/^(POST|PUT)$/)]
          : ['evaluate', 'GET'],
      );
    }
    const keys = REST_ROUTES.map((route) => `${route.method} ${route.path}`);
    expect(keys).toHaveLength(new Set(keys).size);
  });
});
