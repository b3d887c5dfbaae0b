import { qualifiedName, transactionDefinitions } from '@carbon-ets/contract';
import { REST_ROUTES } from './rest-routes';

describe('REST routes', () => {
  it('give every transaction of the wire contract exactly one route', () => {
    const routed = REST_ROUTES.map((route) => qualifiedName(route.definition));
    const declared = [...new Set(transactionDefinitions().map(qualifiedName))].sort();
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
