import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AccountHoldings, EmissionReport, Order, Position, SupplySummary } from '@carbon-ets/contract';
import { ledgerHeight, runDemoCycle } from '@carbon-ets/gateway-client';
import { REST_ROUTES, serverPaths } from '@carbon-ets/server';
import {
  ensureBaseline,
  firstFreePeriodYear,
  gasAndGridFactors,
  gasAndGridReport,
  periodStartingNow,
} from './support/baseline';
import { openEventStream, type OpenStream, type StreamEvent } from './support/event-stream';
import { demoPassword, httpRequest, loginAs, type MemberClient, serverUrl } from './support/member-servers';
import { participant } from './support/participants';
import { ensureAccredited } from './support/verifiers';

/**
 * The five member servers over real HTTP, in front of the real network: login, every route family, refusals
 * that leave the ledger unchanged, idempotent retries, the market operator filling a crossing order by itself,
 * notifications to the parties only, and the read model agreeing with the chaincode.
 */
describe('member servers over HTTP', () => {
  let regulator: MemberClient;
  let trader1: MemberClient;
  let trader2: MemberClient;
  let operator1: MemberClient;
  let verifier: MemberClient;
  let auditor: MemberClient;
  let year = 0;
  let instrument = '';
  let seller = '';
  let buyer = '';
  let installation = '';

  const ok = <T>(answer: { status: number; body: T }, status = 200): T => {
    // On a wrong status the failure shows the error body the server sent.
    expect(answer.status === status ? status : answer.body).toBe(status);
    return answer.body;
  };

  beforeAll(async () => {
    const gateway = participant('Regulator', 'regulator1');
    await ensureBaseline(gateway);
    // verifier1 acts for VER1: accredited for power, it is assigned to the installation's report below.
    await ensureAccredited(gateway, 'VER1', 'power');
    year = await firstFreePeriodYear(gateway, 2110);
    instrument = `allowance-${year}`;
    seller = `REST-SELL-${year}`;
    buyer = `REST-BUY-${year}`;
    installation = `INST-${year}-REST`;
    [regulator, trader1, trader2, operator1, verifier, auditor] = await Promise.all([
      loginAs('Regulator', 'regulator1'),
      loginAs('Enterprise1', 'trader1'),
      loginAs('Enterprise2', 'trader2'),
      loginAs('Enterprise1', 'operator1'),
      loginAs('Verifier', 'verifier1'),
      loginAs('Auditor', 'auditor1'),
    ]);
    // The regulator sets the period up through its own server.
    ok(await regulator.post('/api/v1/periods', periodStartingNow(year, 1_000_000)), 201);
    ok(await regulator.post('/api/v1/factor-sets', gasAndGridFactors(`FS-${year}`)), 201);
    const lot = ok<{ id: string }>(
      await regulator.post('/api/v1/allowances/issuances', { period: year, quantity: 100_000 }),
      201,
    );
    ok(
      await regulator.post('/api/v1/entities/ENT1/installations', {
        installations: [
          { id: installation, name: 'REST boiler', sector: 'power', capacity: '600', capacityUnit: 'MW' },
        ],
      }),
      201,
    );
    for (const [id, entityId] of [
      [seller, 'ENT1'],
      [buyer, 'ENT2'],
      [`HOLD-${year}-REST`, 'ENT1'],
    ] as const) {
      ok(
        await regulator.post('/api/v1/accounts', {
          kind: id.startsWith('HOLD') ? 'holding' : 'trading',
          id,
          entityId,
          ...(id.startsWith('HOLD') ? { installationId: installation } : {}),
        }),
        201,
      );
    }
    ok(
      await regulator.post('/api/v1/allowances/transfers', {
        fromAccount: 'NATIONAL-ALLOCATION',
        toAccount: seller,
        quantity: 10_000,
        lotIds: [lot.id],
      }),
      201,
    );
    ok(
      await regulator.put('/api/v1/instruments', {
        unitType: 'allowance',
        vintage: year,
        referencePrice: 5000,
      }),
    );
    ok(
      await regulator.post(`/api/v1/accounts/${buyer}/deposits`, {
        amount: '1000000',
        reference: 'bank transfer',
      }),
      201,
    );
  });

  describe('login', () => {
    it('logs a user in to their own org only, and says the same whichever part is wrong', async () => {
      const session = await trader1.get<{
        user: { name: string; role: string; entity: string; organization: string };
      }>('/api/v1/session');
      expect(ok(session).user).toMatchObject({
        name: 'trader1',
        role: 'trader',
        entity: 'ENT1',
        organization: 'Enterprise1',
      });
      const attempts = await Promise.all([
        httpRequest(trader1.url, 'POST', '/api/v1/session', {
          user: 'trader1',
          password: 'not the password',
        }),
        httpRequest(trader1.url, 'POST', '/api/v1/session', { user: 'nobody', password: 'not the password' }),
        // A user of Enterprise1 is unknown to Enterprise2's server, even with the right password.
        httpRequest(serverUrl('Enterprise2'), 'POST', '/api/v1/session', {
          user: 'trader1',
          password: demoPassword('Enterprise1', 'trader1'),
        }),
      ]);
      expect(attempts.map((attempt) => attempt.status)).toEqual([401, 401, 401]);
      expect(new Set(attempts.map((attempt) => JSON.stringify(attempt.body))).size).toBe(1);
      const anonymous = await httpRequest(trader1.url, 'GET', `/api/v1/accounts/${seller}/position`);
      expect(anonymous.status).toBe(401);
    });

    it('accepts an API token as a bearer, and refuses it once revoked or expired', async () => {
      const created = ok<{ id: string; token: string }>(
        await trader1.post('/api/v1/tokens', { name: `ci-${year}` }),
        201,
      );
      const bearer = { authorization: `Bearer ${created.token}` };
      const position = await httpRequest<Position>(
        trader1.url,
        'GET',
        `/api/v1/accounts/${seller}/position`,
        undefined,
        bearer,
      );
      expect(ok(position).accountId).toBe(seller);
      const listed = ok<{ id: string }[]>(await trader1.get('/api/v1/tokens'));
      expect(JSON.stringify(listed)).not.toContain(created.token);

      // Expiry: the token's end moves into the past in the server's own store (the clock cannot be moved).
      const expiring = ok<{ id: string; token: string }>(
        await trader1.post('/api/v1/tokens', { name: `expiring-${year}` }),
        201,
      );
      const db = new Database(path.join(serverPaths.data('Enterprise1'), 'server.db'));
      try {
        db.prepare('UPDATE auth_tokens SET expires_at = ? WHERE id = ?').run(Date.now() - 1000, expiring.id);
      } finally {
        db.close();
      }
      const expired = await httpRequest(trader1.url, 'GET', '/api/v1/session', undefined, {
        authorization: `Bearer ${expiring.token}`,
      });
      expect(expired.status).toBe(401);

      expect((await trader1.request('DELETE', `/api/v1/tokens/${created.id}`)).status).toBe(204);
      const revoked = await httpRequest(trader1.url, 'GET', '/api/v1/session', undefined, bearer);
      expect(revoked.status).toBe(401);
      expect(revoked.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });

  it("registers a new user through the org's admin, with Fabric CA, who then acts with their own identity", async () => {
    const admin = await loginAs('Enterprise1', 'orgadmin');
    const name = `trader-${year}`;
    const password = `initial secret ${year}`;
    const refused = await trader1.post('/api/v1/users', {
      name: `x-${year}`,
      role: 'trader',
      entity: 'ENT1',
      password,
    });
    expect(refused.status).toBe(403);
    // An enterprise's admin cannot make a regulator, nor a trader of another entity.
    const boss = await admin.post('/api/v1/users', { name: `boss-${year}`, role: 'regulator', password });
    expect(boss.status).toBe(403);
    const foreign = await admin.post('/api/v1/users', {
      name: `spy-${year}`,
      role: 'trader',
      entity: 'ENT2',
      password,
    });
    expect(foreign.status).toBe(403);
    ok(await admin.post('/api/v1/users', { name, role: 'trader', entity: 'ENT1', password }), 201);
    const login = await httpRequest(trader1.url, 'POST', '/api/v1/session', { user: name, password });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const identity = await httpRequest<{ mspId: string; role: string; entity: string }>(
      trader1.url,
      'GET',
      '/api/v1/identity',
      undefined,
      { cookie },
    );
    expect(ok(identity)).toMatchObject({ mspId: 'Enterprise1MSP', role: 'trader', entity: 'ENT1' });
    // Unknown to every other org's server.
    const elsewhere = await httpRequest(serverUrl('Enterprise2'), 'POST', '/api/v1/session', {
      user: name,
      password,
    });
    expect(elsewhere.status).toBe(401);
  });

  describe('refusals leave the ledger unchanged', () => {
    it('answers 403 to a role that may not call the transaction, and writes nothing', async () => {
      const supply = ok(await auditor.get(`/api/v1/periods/${year}/supply`));
      const refused = await trader1.post('/api/v1/allowances/issuances', { period: year, quantity: 1 });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'FORBIDDEN' });
      const halt = await operator1.post('/api/v1/market/halt', { reason: 'not mine to halt' });
      expect(halt.status).toBe(403);
      expect(ok(await auditor.get(`/api/v1/periods/${year}/supply`))).toEqual(supply);
      // Every period's supply in one answer, for the auditor (not for an enterprise's trader).
      const supplies = ok<SupplySummary[]>(await auditor.get('/api/v1/audit/supply'));
      expect(supplies.find((summary) => summary.period === year)).toEqual(supply);
      expect((await trader1.get('/api/v1/audit/supply')).status).toBe(403);
      const view = ok<{ market: { halted: boolean } }>(
        await auditor.get(`/api/v1/instruments/${instrument}`),
      );
      expect(view.market.halted).toBe(false);
    });

    it('answers 400 to bad JSON and unknown fields and 413 to an oversized body, and writes nothing', async () => {
      const before = ok<Position>(await trader1.get(`/api/v1/accounts/${seller}/position`));
      const orders = `/api/v1/accounts/${seller}/orders`;
      const answers = await Promise.all([
        trader1.post(orders, '{"side":"sell",'),
        trader1.post(orders, { side: 'sell', instrument, price: 5000, quantity: 1, colour: 'red' }),
        trader1.post(
          orders,
          '{"side":"sell","instrument":"' + instrument + '","price":5000,"quantity":1.0000000000000001}',
        ),
        trader1.post(orders, {
          side: 'sell',
          instrument,
          price: 5000,
          quantity: 1,
          reason: 'x'.repeat(400_000),
        }),
      ]);
      expect(answers.map((answer) => [answer.status, (answer.body as { code: string }).code])).toEqual([
        [400, 'INVALID_ARGUMENT'],
        [400, 'INVALID_ARGUMENT'],
        [400, 'INVALID_ARGUMENT'],
        [413, 'PAYLOAD_TOO_LARGE'],
      ]);
      expect((answers[1].body as { message: string }).message).toMatch(/unknown key "colour"/);
      expect(ok<Position>(await trader1.get(`/api/v1/accounts/${seller}/position`))).toEqual(before);
    });

    it('applies a write retried with the same Idempotency-Key once and answers it the same', async () => {
      const before = ok<{ total: string }>(await regulator.get(`/api/v1/accounts/${buyer}/funds`));
      const key = { 'idempotency-key': `deposit-${year}-1` };
      const body = { amount: '2500', reference: 'retried transfer' };
      const first = await regulator.post(`/api/v1/accounts/${buyer}/deposits`, body, key);
      const retry = await regulator.post(`/api/v1/accounts/${buyer}/deposits`, body, key);
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.headers.get('x-transaction-id')).toBe(first.headers.get('x-transaction-id'));
      const reused = await regulator.post(
        `/api/v1/accounts/${buyer}/deposits`,
        { ...body, amount: '1' },
        key,
      );
      expect(reused.status).toBe(409);
      const after = ok<{ total: string }>(await regulator.get(`/api/v1/accounts/${buyer}/funds`));
      expect(BigInt(after.total) - BigInt(before.total)).toBe(2500n);
    });
  });

  describe('the market operator', () => {
    let streams: Record<'seller' | 'buyer' | 'verifier' | 'auditor', OpenStream>;

    afterAll(() => {
      Object.values(streams).forEach((stream) => {
        stream.close();
      });
    });

    it('fills a crossing order placed through REST without anyone calling Match, and tells only the buyer and the seller', async () => {
      streams = {
        seller: await openEventStream(trader1),
        buyer: await openEventStream(trader2),
        verifier: await openEventStream(verifier),
        auditor: await openEventStream(auditor),
      };
      const sell = ok<Order>(
        await trader1.post(`/api/v1/accounts/${seller}/orders`, {
          side: 'sell',
          instrument,
          price: 5000,
          quantity: 40,
        }),
        201,
      );
      const buy = ok<Order>(
        await trader2.post(`/api/v1/accounts/${buyer}/orders`, {
          side: 'buy',
          instrument,
          price: 5100,
          quantity: 40,
        }),
        201,
      );
      const filled = (event: StreamEvent): boolean =>
        event.event === 'OrdersMatched' && event.data.includes(sell.id) && event.data.includes(buy.id);
      const [toSeller, toBuyer] = await Promise.all([
        streams.seller.waitFor(filled),
        streams.buyer.waitFor(filled),
      ]);
      const kinds = (event: StreamEvent): string[] => (JSON.parse(event.data) as { kinds: string[] }).kinds;
      expect(kinds(toSeller)).toContain('order-filled');
      expect(kinds(toBuyer)).toEqual(expect.arrayContaining(['order-filled', 'units-received']));
      await streams.auditor.waitFor(filled);

      // A public event after the fill: once the verifier's stream shows it, anything before it has arrived too.
      ok(
        await regulator.put('/api/v1/instruments', {
          unitType: 'allowance',
          vintage: year,
          referencePrice: 5000,
          minQuantity: 1,
        }),
      );
      await streams.verifier.waitFor(
        (event) => event.event === 'InstrumentConfigured' && event.data.includes(instrument),
      );
      expect(streams.verifier.events.filter(filled)).toEqual([]);

      const order = ok<Order>(await trader2.get(`/api/v1/accounts/${buyer}/orders/${buy.id}`));
      expect(order).toMatchObject({ status: 'filled', remaining: 0 });
      const state = ok<{ instruments: Record<string, { rounds: number; trades: number }> }>(
        await regulator.get('/api/v1/market/operator'),
      );
      expect(state.instruments[instrument]?.trades).toBeGreaterThanOrEqual(1);
    });

    it('ends a stream when its login ends', async () => {
      const session = await loginAs('Enterprise2', 'trader2');
      const stream = await openEventStream(session);
      try {
        expect((await session.request('DELETE', '/api/v1/session')).status).toBe(204);
        // The next block with an event makes the stream look again at the login that opened it.
        ok(
          await regulator.put('/api/v1/instruments', {
            unitType: 'allowance',
            vintage: year,
            referencePrice: 5000,
            minQuantity: 1,
          }),
        );
        await stream.waitFor((event) => event.event === 'session-ended');
      } finally {
        stream.close();
      }
    });

    it('resumes a stream from Last-Event-ID without loss', async () => {
      const seen = streams.buyer.events.filter((event) => event.id !== undefined);
      const first = seen[0];
      expect(first).toBeDefined();
      const resumed = await openEventStream(trader2, first!.id);
      try {
        const last = seen.at(-1)!;
        await resumed.waitFor((event) => event.id === last.id);
        // Events after `last` may have arrived meanwhile; up to it, the resumed stream is the same sequence.
        const resumedIds = resumed.events.filter((event) => event.id !== undefined).map((event) => event.id);
        expect(resumedIds.slice(0, resumedIds.indexOf(last.id) + 1)).toEqual(
          seen.slice(1).map((event) => event.id),
        );
      } finally {
        resumed.close();
      }
    });
  });

  it("tells an operator of the period's report deadline approaching when their stream opens", async () => {
    const stream = await openEventStream(operator1);
    try {
      const notice = await stream.waitFor(
        (event) => event.event === 'deadline-approaching' && event.data.includes(`"period":${year}`),
      );
      expect(JSON.parse(notice.data)).toMatchObject({ period: year, deadline: 'reportBy', daysLeft: 29 });
    } finally {
      stream.close();
    }
  });

  describe('route families', () => {
    it('reports: submit, verify, accept, then compliance status and surrender', async () => {
      const report = ok<EmissionReport>(
        await operator1.post('/api/v1/reports', gasAndGridReport(year, installation, `FS-${year}`)),
        201,
      );
      expect(report).toMatchObject({ status: 'submitted', installationId: installation });
      const path = `/api/v1/reports/${year}/${installation}`;
      // The regulator assigns the verifier entity first: only VER1's users may then verify.
      const assignment = `/api/v1/periods/${year}/verifier-assignments/${installation}`;
      ok(await regulator.put(assignment, { verifierEntityId: 'VER1' }));
      expect(ok(await auditor.get(assignment))).toMatchObject({ verifierEntityId: 'VER1', sector: 'power' });
      ok(
        await verifier.post(`${path}/verification`, {
          version: report.version,
          verifiedEmissions: report.emissionsTonnes,
          opinion: 'positive',
        }),
      );
      const accepted = ok<EmissionReport>(
        await regulator.post(`${path}/acceptance`, { version: report.version }),
      );
      expect(accepted.status).toBe('accepted');
      expect(ok<EmissionReport>(await auditor.get(path)).status).toBe('accepted');
      // The operator surrenders what the installation owes from its holding account.
      ok(
        await trader1.post('/api/v1/allowances/transfers', {
          fromAccount: seller,
          toAccount: `HOLD-${year}-REST`,
          quantity: report.emissionsTonnes,
        }),
        201,
      );
      ok(
        await operator1.post('/api/v1/surrenders', {
          period: year,
          installationId: installation,
          unitType: 'allowance',
          quantity: report.emissionsTonnes,
        }),
        201,
      );
      const status = ok<{ status: string }>(
        await operator1.get(`/api/v1/periods/${year}/compliance/${installation}`),
      );
      expect(status).toBeDefined();
    });

    it('offsets, funds and supervision', async () => {
      const project = `PRJ-${year}`;
      ok(
        await regulator.post('/api/v1/offset-projects', {
          id: project,
          name: 'Wind farm',
          methodology: 'CCER-14-001',
          ownerEntityId: 'ENT1',
        }),
        201,
      );
      expect(ok<{ id: string }>(await auditor.get(`/api/v1/offset-projects/${project}`)).id).toBe(project);
      ok(
        await regulator.post('/api/v1/offsets/issuances', {
          projectId: project,
          vintage: year,
          monitoringPeriod: { from: `${year}-01-01`, to: `${year}-03-31` },
          serialStart: 1,
          quantity: 100,
          toAccount: seller,
        }),
        201,
      );
      ok(
        await trader1.post('/api/v1/offsets/transfers', {
          fromAccount: seller,
          toAccount: `HOLD-${year}-REST`,
          quantity: 30,
        }),
        201,
      );
      ok(
        await operator1.post('/api/v1/offsets/retirements', {
          accountId: `HOLD-${year}-REST`,
          quantity: 10,
          beneficiary: 'ENT1 staff travel',
        }),
        201,
      );
      const holdings = ok<AccountHoldings>(
        await operator1.get(`/api/v1/accounts/HOLD-${year}-REST/holdings`),
      );
      const offsets = holdings.holdings.filter((holding) => holding.unitType === 'offset');
      // Retired credits leave the account for good: the supply counts them.
      expect(offsets.map((holding) => [holding.status, holding.quantity])).toEqual([['held', 20]]);
      const supply = ok<{ offsets: { issued: number; retired: number } }>(
        await auditor.get(`/api/v1/periods/${year}/supply`),
      );
      expect(supply.offsets).toMatchObject({ issued: 100, retired: 10 });

      ok(
        await regulator.post(`/api/v1/accounts/${buyer}/withdrawals`, { amount: '100', reference: 'payout' }),
        201,
      );
      ok(await regulator.post(`/api/v1/accounts/${seller}/freeze`, { reason: 'inquiry' }));
      const frozen = await trader1.post(`/api/v1/accounts/${seller}/orders`, {
        side: 'sell',
        instrument,
        price: 5000,
        quantity: 1,
      });
      expect(frozen.status).toBe(422);
      expect(frozen.body).toMatchObject({ code: 'FAILED_PRECONDITION' });
      ok(await regulator.post(`/api/v1/accounts/${seller}/unfreeze`, { reason: 'inquiry closed' }));
      ok(await regulator.put('/api/v1/holding-limits', { entityId: 'ENT2', instrument, limit: 1_000_000 }));
    });

    it('bilateral proposals, history, supply and market data', async () => {
      const proposal = ok<{ id: string }>(
        await trader1.post(`/api/v1/accounts/${seller}/proposals`, {
          buyerEntityId: 'ENT2',
          instrument,
          price: 5050,
          quantity: 5,
        }),
        201,
      );
      const accepted = ok<{ trade: { quantity: number } }>(
        await trader2.post(`/api/v1/proposals/${proposal.id}/acceptance`, { accountId: buyer }),
      );
      expect(accepted.trade.quantity).toBe(5);
      const history = ok<{ id: string[]; history: unknown[] }>(
        await auditor.get(`/api/v1/history/account/${buyer}`),
      );
      expect(history.id).toEqual([buyer]);
      expect(history.history.length).toBeGreaterThan(0);
      const supply = ok<{ allowances: { issued: number; reconciles: boolean } }>(
        await auditor.get(`/api/v1/periods/${year}/supply`),
      );
      expect(supply.allowances).toMatchObject({ issued: 100_000, reconciles: true });
      ok(await trader1.get(`/api/v1/instruments/${instrument}/book`));
      const day = new Date().toISOString().slice(0, 10);
      const data = ok<{ volume: number }[]>(
        await auditor.get(`/api/v1/instruments/${instrument}/market-data?from=${day}&to=${day}`),
      );
      expect(data[0]?.volume).toBeGreaterThanOrEqual(40);
      const trades = ok<unknown[]>(
        await trader2.get(`/api/v1/instruments/${instrument}/trades?day=${day}&accountId=${buyer}`),
      );
      expect(trades.length).toBeGreaterThanOrEqual(2);
    });
  });

  it('lists orders, trades and series from the read model, an enterprise seeing only its own', async () => {
    const mine = ok<{ items: Order[]; height: number }>(
      await trader2.get(`/api/v1/orders?instrument=${instrument}`),
    );
    expect(mine.height).toBeGreaterThan(0);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((order) => order.entityId === 'ENT2')).toBe(true);
    expect((await trader2.get('/api/v1/orders?entityId=ENT1')).status).toBe(403);
    const series = ok<{ items: { volume: number }[] }>(
      await trader1.get(`/api/v1/instruments/${instrument}/series?resolution=minute`),
    );
    expect(series.items.reduce((sum, bar) => sum + bar.volume, 0)).toBeGreaterThanOrEqual(40);
  });

  it('after the demo cycle, the read model agrees with the chaincode for every account, order and report', async () => {
    const summary = await runDemoCycle({ fromYear: 2120, reconcile: false });
    // The regulator's read model follows the ledger: wait until it has applied every block the demo wrote.
    const height = await ledgerHeight(participant('Regulator', 'regulator1').connection);
    const deadline = Date.now() + 30_000;
    while (BigInt(ok<{ height: string }>(await regulator.get('/api/v1/read-model')).height) < height) {
      if (Date.now() > deadline) throw new Error(`the read model did not reach block ${height} in 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const model = ok<{ items: Order[] }>(
      await regulator.get(`/api/v1/orders?instrument=${summary.instrument}&limit=500`),
    );
    expect(model.items.map((order) => order.status)).toEqual(['filled', 'filled']);
    for (const order of model.items) {
      const fromModel = withoutHeight(
        ok<Order & { height: number }>(await regulator.get(`/api/v1/orders/${order.id}`)),
      );
      expect(fromModel).toEqual(
        ok(await regulator.get(`/api/v1/accounts/${order.accountId}/orders/${order.id}`)),
      );
    }
    const accounts = [
      ...summary.installations.map((installation) => installation.holdingAccount),
      'NATIONAL-ALLOCATION',
    ];
    for (const account of accounts) {
      const fromModel = withoutHeight(
        ok<AccountHoldings & { height: number }>(await regulator.get(`/api/v1/holdings/${account}`)),
      );
      const fromChaincode = ok<AccountHoldings>(await regulator.get(`/api/v1/accounts/${account}/holdings`));
      expect(sortHoldings(fromModel)).toEqual(sortHoldings(fromChaincode));
    }
    const reports = ok<{ items: EmissionReport[] }>(
      await regulator.get(`/api/v1/reports?period=${summary.year}`),
    );
    expect(reports.items).toHaveLength(summary.installations.length);
    for (const report of reports.items) {
      // The read model holds the public report; the chaincode, on the regulator's peer (a member of every
      // commercial collection), joins in the activity data.
      const fromChaincode = ok<EmissionReport>(
        await regulator.get(`/api/v1/reports/${report.period}/${report.installationId}`),
      );
      const { activity, documents, lineEmissionsKg, ...publicPart } = fromChaincode;
      expect(activity?.length).toBeGreaterThan(0);
      expect(documents).toBeDefined();
      expect(lineEmissionsKg).toHaveLength(activity?.length ?? -1);
      expect(report).toEqual(publicPart);
    }
  });

  it('serves an OpenAPI 3.1 document that validates and lists every route', async () => {
    const document = ok<{ paths: Record<string, Record<string, unknown>> }>(
      await httpRequest(serverUrl('Auditor'), 'GET', '/openapi.json'),
    );
    for (const route of REST_ROUTES) {
      const documented = `/api/v1${route.path.replace(/:([A-Za-z]+)/g, '{$1}').replace(/\*$/, '{*}')}`;
      expect(Object.keys(document.paths[documented] ?? {})).toContain(route.method.toLowerCase());
    }
    const validation = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { Validator } from '@seriousme/openapi-schema-validator';" +
          "let text = ''; for await (const chunk of process.stdin) text += chunk;" +
          'const result = await new Validator().validate(JSON.parse(text));' +
          'process.stdout.write(JSON.stringify(result));',
      ],
      { input: JSON.stringify(document), encoding: 'utf8' },
    );
    expect(JSON.parse(validation)).toEqual({ valid: true });
  });
});

/** Holdings in a fixed order: the read model and the chaincode may list lots in different orders. */
function sortHoldings(holdings: AccountHoldings): unknown {
  const key = (value: unknown): string => JSON.stringify(value);
  return {
    ...holdings,
    holdings: [...holdings.holdings]
      .map((holding) => ({
        ...holding,
        lots: [...holding.lots].sort((a, b) => key(a).localeCompare(key(b))),
      }))
      .sort((a, b) => key(a).localeCompare(key(b))),
  };
}

/** A read-model answer without the block height it reflects, to compare with the chaincode's answer. */
function withoutHeight<T extends { height: number }>(answer: T): Omit<T, 'height'> {
  const { height, ...rest } = answer;
  expect(height).toBeGreaterThan(0);
  return rest;
}
