import { ownerEndorsers } from '../ledger/endorsement';
import { Users } from '../testing/identities';
import { cc, evaluate, registerParticipants, standardScenario, submit, tx } from '../testing/scenario';
import { TestLedger } from '../testing/test-ledger';

const register = tx(cc.registry, 'RegisterEntity');
const open = tx(cc.registry, 'OpenAccount');

describe('Registry', () => {
  it('registers entities with installations and opens their accounts', async () => {
    const ledger = new TestLedger();
    await registerParticipants(ledger);
    const entity = (await evaluate(ledger, Users.trader1, tx(cc.registry, 'GetEntity'), 'ENT1')) as {
      ownerMsp: string;
      installations: { id: string; holdingAccountId: string; sector: string }[];
    };
    expect(entity.ownerMsp).toBe('Enterprise1MSP');
    expect(entity.installations).toEqual([
      expect.objectContaining({ id: 'INST1', sector: 'power', holdingAccountId: 'HOLD1', capacity: '600' }),
    ]);
    expect(
      await evaluate(ledger, Users.auditor, tx(cc.registry, 'GetAccount'), 'NATIONAL-DELETION'),
    ).toMatchObject({
      kind: 'deletion',
      ownerMsp: 'RegulatorMSP',
      status: 'open',
    });
    expect(await evaluate(ledger, Users.verifier, tx(cc.registry, 'GetInstallation'), 'INST2')).toMatchObject(
      {
        entityId: 'ENT2',
        holdingAccountId: 'HOLD2',
      },
    );
    expect(ledger.lastEvent()?.name).toBe('AccountOpened');
  });

  it('adds installations to covered enterprises only', async () => {
    const ledger = new TestLedger();
    await registerParticipants(ledger);
    const add = tx(cc.registry, 'AddInstallations');
    await submit(ledger, Users.regulator, add, {
      entityId: 'ENT1',
      installations: [{ id: 'INST1B', sector: 'power', capacity: '300' }],
    });
    expect(await evaluate(ledger, Users.regulator, tx(cc.registry, 'GetEntity'), 'ENT1')).toMatchObject({
      installationIds: ['INST1', 'INST1B'],
    });
    await expect(
      submit(ledger, Users.regulator, add, {
        entityId: 'VER1',
        installations: [{ id: 'X', sector: 's', capacity: '1' }],
      }),
    ).rejects.toThrow('FAILED_PRECONDITION');
    await expect(
      submit(ledger, Users.regulator, add, {
        entityId: 'ENT2',
        installations: [{ id: 'INST1', sector: 's', capacity: '1' }],
      }),
    ).rejects.toThrow('CONFLICT: installation INST1 is already registered');
    await expect(
      submit(ledger, Users.regulator, register, {
        id: 'VER2',
        kind: 'verifier',
        name: 'V',
        ownerMsp: 'VerifierMSP',
        installations: [{ id: 'Z', sector: 's', capacity: '1' }],
      }),
    ).rejects.toThrow('only covered enterprises have installations');
  });

  it('refuses duplicates and inconsistent accounts', async () => {
    const ledger = new TestLedger();
    await registerParticipants(ledger);
    await expect(
      submit(ledger, Users.regulator, register, {
        id: 'ENT1',
        kind: 'trader',
        name: 'x',
        ownerMsp: 'Enterprise1MSP',
      }),
    ).rejects.toThrow('CONFLICT: entity ENT1 is already registered');
    await expect(submit(ledger, Users.regulator, open, { kind: 'deletion' })).rejects.toThrow(
      'account NATIONAL-DELETION already exists',
    );
    await expect(
      submit(ledger, Users.regulator, open, {
        kind: 'holding',
        id: 'H9',
        entityId: 'ENT1',
        installationId: 'INST1',
      }),
    ).rejects.toThrow('already has holding account HOLD1');
    await expect(
      submit(ledger, Users.regulator, open, {
        kind: 'holding',
        id: 'H9',
        entityId: 'ENT1',
        installationId: 'INST2',
      }),
    ).rejects.toThrow('does not belong to entity ENT1');
    await expect(
      submit(ledger, Users.regulator, open, { kind: 'trading', id: 'V', entityId: 'VER1' }),
    ).rejects.toThrow('cannot hold units');
    await expect(
      submit(ledger, Users.regulator, open, { kind: 'trading', id: 'TRADE1', entityId: 'ENT1' }),
    ).rejects.toThrow('CONFLICT');
    await expect(
      submit(ledger, Users.regulator, open, { kind: 'trading', id: 'T', entityId: 'NOPE' }),
    ).rejects.toThrow('NOT_FOUND: entity NOPE does not exist');
  });

  it('blocks, unblocks and closes enterprise accounts', async () => {
    const ledger = await standardScenario();
    const block = tx(cc.registry, 'BlockAccount');
    const unblock = tx(cc.registry, 'UnblockAccount');
    const close = tx(cc.registry, 'CloseAccount');
    await submit(ledger, Users.regulator, block, { accountId: 'TRADE1', reason: 'investigation' });
    expect(ledger.lastEvent()).toMatchObject({
      name: 'AccountStatusChanged',
      payload: { from: 'open', to: 'blocked' },
    });
    await expect(
      submit(ledger, Users.regulator, block, { accountId: 'TRADE1', reason: 'again' }),
    ).rejects.toThrow('account TRADE1 is blocked');
    await submit(ledger, Users.regulator, unblock, { accountId: 'TRADE1', reason: 'cleared' });
    await expect(
      submit(ledger, Users.regulator, unblock, { accountId: 'TRADE1', reason: 'x' }),
    ).rejects.toThrow('is open');
    await expect(submit(ledger, Users.regulator, close, { accountId: 'HOLD1', reason: 'x' })).rejects.toThrow(
      'still holds 1 lot(s)',
    );
    await expect(
      submit(ledger, Users.regulator, block, { accountId: 'NATIONAL-ALLOCATION', reason: 'x' }),
    ).rejects.toThrow('national account');
    await submit(ledger, Users.regulator, close, { accountId: 'TRADE1', reason: 'wound up' });
    expect(await evaluate(ledger, Users.regulator, tx(cc.registry, 'GetAccount'), 'TRADE1')).toMatchObject({
      status: 'closed',
      statusReason: 'wound up',
    });
    await expect(
      submit(ledger, Users.regulator, unblock, { accountId: 'TRADE1', reason: 'x' }),
    ).rejects.toThrow('is closed');
  });

  it('gives national lots a key-level policy naming the regulator', async () => {
    const ledger = await standardScenario();
    const holdings = (await evaluate(ledger, Users.regulator, tx(cc.query, 'GetHoldings'), 'HOLD1')) as {
      holdings: { lots: { id: string }[] }[];
    };
    const lotId = holdings.holdings[0]?.lots[0]?.id ?? '';
    await ledger.evaluate(Users.auditor, async (ctx) => {
      const key = ctx.stub.createCompositeKey('lot', ['HOLD1', lotId]);
      expect(await ownerEndorsers(ctx, key)).toEqual(['Enterprise1MSP']);
      expect(await ownerEndorsers(ctx, 'no-such-key')).toEqual([]);
    });
  });
});
