import { Users } from '../testing/identities';
import { issueOffsetsToEnt1 } from '../testing/cycle';
import { cc, evaluate, standardScenario, submit, tx } from '../testing/scenario';
import type { Lot } from '../units/lot';

const issue = tx(cc.offset, 'IssueOffsets');
const retire = tx(cc.offset, 'RetireOffsets');
const transfer = tx(cc.offset, 'TransferOffsets');

const issuance = {
  projectId: 'PRJ1',
  vintage: 2025,
  monitoringPeriod: { from: '2025-01-01', to: '2025-12-31' },
  serialStart: 1,
  quantity: 1_000,
  toAccount: 'TRADE1',
};

describe('Offset', () => {
  it('issues credits once per project, vintage and monitoring period, without overlapping serials', async () => {
    const ledger = await standardScenario();
    await issueOffsetsToEnt1(ledger);
    expect(ledger.lastEvent()).toMatchObject({
      name: 'OffsetsIssued',
      payload: { issuance: { serialEnd: 1_000 } },
    });
    await expect(submit(ledger, Users.regulator, issue, { ...issuance, serialStart: 5_000 })).rejects.toThrow(
      'were already issued',
    );
    await expect(
      submit(ledger, Users.regulator, issue, {
        ...issuance,
        monitoringPeriod: { from: '2026-01-01', to: '2026-06-30' },
        serialStart: 1_000,
      }),
    ).rejects.toThrow('overlap issuance 1-1000');
    await expect(
      submit(ledger, Users.regulator, issue, {
        ...issuance,
        monitoringPeriod: { from: '2026-01-01', to: '2025-06-30' },
      }),
    ).rejects.toThrow('must not be after');
    await expect(
      submit(ledger, Users.regulator, issue, {
        ...issuance,
        monitoringPeriod: { from: '2026-01-01', to: '2026-06-30' },
        serialStart: 1_001,
        toAccount: 'TRADE2',
      }),
    ).rejects.toThrow('does not belong to project owner ENT1');
    await submit(ledger, Users.regulator, issue, {
      ...issuance,
      monitoringPeriod: { from: '2026-01-01', to: '2026-06-30' },
      serialStart: 1_001,
      vintage: 2026,
    });
    expect(await evaluate(ledger, Users.trader2, tx(cc.offset, 'GetProject'), 'PRJ1')).toMatchObject({
      ownerEntityId: 'ENT1',
    });
    await expect(
      submit(ledger, Users.regulator, tx(cc.offset, 'RegisterProject'), {
        id: 'PRJ1',
        name: 'x',
        methodology: 'y',
        ownerEntityId: 'ENT1',
      }),
    ).rejects.toThrow('already registered');
    await expect(
      submit(ledger, Users.regulator, tx(cc.offset, 'RegisterProject'), {
        id: 'PRJ2',
        name: 'x',
        methodology: 'y',
        ownerEntityId: 'VER1',
      }),
    ).rejects.toThrow('cannot own an offset project');
  });

  it('transfers and retires credits terminally with a beneficiary', async () => {
    const ledger = await standardScenario();
    await issueOffsetsToEnt1(ledger);
    await submit(ledger, Users.trader1, transfer, {
      fromAccount: 'TRADE1',
      toAccount: 'TRADE2',
      quantity: 400,
      projectId: 'PRJ1',
    });
    const result = (await submit(ledger, Users.trader2, retire, {
      accountId: 'TRADE2',
      quantity: 150,
      beneficiary: 'Shanghai Marathon 2025',
      reason: 'event neutrality',
    })) as { lots: Lot[] };
    expect(result.lots[0]).toMatchObject({
      accountId: 'NATIONAL-DELETION',
      status: 'retired',
      serialStart: 1,
      serialEnd: 150,
      retirement: { beneficiary: 'Shanghai Marathon 2025' },
    });
    await expect(
      submit(ledger, Users.trader1, retire, { accountId: 'TRADE2', quantity: 1, beneficiary: 'x' }),
    ).rejects.toThrow('only users of the entity owning account TRADE2');
    await expect(
      submit(ledger, Users.trader2, retire, { accountId: 'TRADE2', quantity: 251, beneficiary: 'x' }),
    ).rejects.toThrow('has 250 offset credits available');
    await expect(
      submit(ledger, Users.trader2, transfer, {
        fromAccount: 'NATIONAL-DELETION',
        toAccount: 'TRADE2',
        quantity: 1,
      }),
    ).rejects.toThrow('FORBIDDEN');
    await expect(
      submit(ledger, Users.trader2, retire, {
        accountId: 'NATIONAL-DELETION',
        quantity: 1,
        beneficiary: 'x',
      }),
    ).rejects.toThrow('FORBIDDEN');
    // A retired lot named explicitly by the regulator still cannot move.
    await expect(
      submit(ledger, Users.regulator, tx(cc.allowance, 'Transfer'), {
        fromAccount: 'NATIONAL-DELETION',
        toAccount: 'NATIONAL-AUCTION',
        quantity: 1,
        lotIds: [result.lots[0]?.id],
      }),
    ).rejects.toThrow('never leave it');
    expect(ledger.lastEvent()?.name).toBe('OffsetsRetired');
  });
});
