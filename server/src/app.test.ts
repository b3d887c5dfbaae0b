import { REST_ROUTES } from './api/rest-routes';
import { buildApp, type MemberApp } from './app';
import { TEST_SCRYPT_COST } from './auth';
import { openDatabase, type ServerDatabase } from './store/database';

// The HTTP edge without a network: everything here is decided before the server opens a Gateway connection
// (the connection settings folder does not exist, so reaching the ledger would fail the test differently).
describe('member server HTTP edge', () => {
  let db: ServerDatabase;
  let member: MemberApp;
  let url: string;
  let trader: string;

  const post = (path: string, body: string, cookie = trader, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, ...headers },
      body,
    });

  beforeAll(async () => {
    db = openDatabase(':memory:');
    member = await buildApp({
      organization: 'Enterprise1',
      database: db,
      settingsDir: '/nonexistent/connection-settings',
      auth: { scryptCost: TEST_SCRYPT_COST },
      registrar: { hasIdentity: () => false, registerAndEnroll: () => Promise.resolve() },
    });
    await member.auth.users.create({
      name: 'trader1',
      role: 'trader',
      entity: 'ENT1',
      password: 'a long enough secret',
    });
    url = await member.app.listen({ host: '127.0.0.1', port: 0 });
    const login = await fetch(`${url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'trader1', password: 'a long enough secret' }),
    });
    expect(login.status).toBe(200);
    trader = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  });

  afterAll(async () => {
    await member.app.close();
    db.close();
  });

  it('documents every route of the wire contract in OpenAPI 3.1', async () => {
    const doc = (await (await fetch(`${url}/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId?: string; requestBody?: unknown }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const route of REST_ROUTES) {
      const path = `/api/v1${route.path.replace(/:([A-Za-z]+)/g, '{$1}').replace(/\*$/, '{*}')}`;
      const operation = doc.paths[path]?.[route.method.toLowerCase()];
      expect({ path, operationId: operation?.operationId }).toEqual({
        path,
        operationId: `${route.definition.contract}${route.definition.name}`,
      });
      if (route.definition.kind === 'submit') expect(operation?.requestBody).toBeDefined();
    }
    expect((await fetch(`${url}/docs/`)).status).toBe(200);
  });

  it('documents the off-channel terms of a bilateral proposal and its acceptance', async () => {
    const doc = (await (await fetch(`${url}/openapi.json`)).json()) as {
      paths: Record<
        string,
        Record<
          string,
          { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }
        >
      >;
    };
    const body = (path: string): string[] =>
      Object.keys(doc.paths[path]?.post?.requestBody?.content['application/json']?.schema.properties ?? {});
    expect(body('/api/v1/accounts/{accountId}/proposals')).toEqual(
      expect.arrayContaining(['price', 'agreedPrice', 'priceNonce']),
    );
    expect(body('/api/v1/proposals/{proposalId}/acceptance')).toEqual(
      expect.arrayContaining(['cashEntryIds', 'agreedPrice', 'priceNonce']),
    );
  });

  it.each([
    [
      'a proposal with both a public and an agreed price',
      '/api/v1/accounts/TRADE1/proposals',
      '{"buyerEntityId":"ENT2","instrument":"allowance-2025","price":10000,"agreedPrice":10000,"priceNonce":"AAAAAAAAAAAAAAAAAAAAAA","quantity":1}',
      'proposal needs exactly one of price (public, paid on the channel) and agreedPrice',
    ],
    [
      'a proposal with an agreed price but no nonce',
      '/api/v1/accounts/TRADE1/proposals',
      '{"buyerEntityId":"ENT2","instrument":"allowance-2025","agreedPrice":10000,"quantity":1}',
      'proposal.priceNonce is required with agreedPrice',
    ],
    [
      'an off-channel acceptance with cash entries',
      '/api/v1/proposals/P1/acceptance',
      '{"accountId":"TRADE1","agreedPrice":10000,"priceNonce":"AAAAAAAAAAAAAAAAAAAAAA","cashEntryIds":["c1"]}',
      'acceptance.cashEntryIds: an off-channel acceptance moves no cash on the channel',
    ],
  ])('answers 400 before reaching the ledger for %s', async (_what, path, body, message) => {
    const answer = await post(path, body);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining(message) as unknown,
    });
  });

  it('refuses an anonymous request with 401', async () => {
    const answer = await post('/api/v1/accounts/ACC1/orders', '{}', '');
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it.each([
    ['malformed JSON', '{"side":', /not valid JSON/],
    ['a repeated key', '{"side":"buy","side":"sell"}', /side/],
    [
      'an unknown field',
      '{"side":"buy","instrument":"allowance-2025","price":6000,"quantity":1,"colour":"red"}',
      /unknown key "colour"/,
    ],
    [
      'a fractional price',
      '{"side":"buy","instrument":"allowance-2025","price":60.50,"quantity":1}',
      /whole number of fen/,
    ],
    [
      'a quantity rounded by doubles',
      '{"side":"buy","instrument":"allowance-2025","price":6000,"quantity":7.0000000000000001}',
      /quantity/,
    ],
    [
      'a path and body that disagree',
      '{"accountId":"ACC2","side":"buy","instrument":"allowance-2025","price":6000,"quantity":1}',
      /in the path/,
    ],
  ])('answers 400 INVALID_ARGUMENT for %s', async (_what, body, message) => {
    const answer = await post('/api/v1/accounts/ACC1/orders', body);
    expect(answer.status).toBe(400);
    const error = (await answer.json()) as { code: string; message: string };
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(message);
  });

  it('answers 413 to an oversized body', async () => {
    const answer = await post('/api/v1/market/halt', JSON.stringify({ reason: 'x'.repeat(300_000) }));
    expect(answer.status).toBe(413);
    expect(await answer.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers 403 when the role may not call the transaction', async () => {
    const answer = await post('/api/v1/market/halt', '{"reason":"test"}');
    expect(answer.status).toBe(403);
    expect(await answer.json()).toEqual({
      code: 'FORBIDDEN',
      message: 'role trader may not call Market:HaltMarket (allowed: regulator)',
    });
  });

  it('refuses an Idempotency-Key the chaincode could not take as a request id', async () => {
    const answer = await post(
      '/api/v1/accounts/ACC1/orders',
      '{"side":"buy","instrument":"allowance-2025","price":6000,"quantity":1}',
      trader,
      { 'idempotency-key': 'has spaces' },
    );
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ code: 'INVALID_ARGUMENT', message: /Idempotency-Key/ });
  });

  it('answers 404 with the error body for an unknown route', async () => {
    const answer = await fetch(`${url}/api/v1/nothing-here`, { headers: { cookie: trader } });
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
