import type { ApprovalRequest, TransferResult, TrustedAccountList } from '@carbon-ets/contract';
import { expectRefused } from '../testing/expect-refused';
import { Users } from '../testing/identities';
import { cc, evaluate, standardScenario, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';

const add = tx(cc.approval, 'AddTrustedAccount');
const remove = tx(cc.approval, 'RemoveTrustedAccount');
const transfer = tx(cc.allowance, 'Transfer');
const send = (toAccount: string, quantity = 100) => ({ fromAccount: 'HOLD1', toAccount, quantity });
const DAY_MS = 24 * 3600 * 1000;

/** Moves the ledger's clock `ms` past `iso`. */
function after(ledger: TestLedger, iso: string, ms: number): void {
  ledger.setTime(new Date(Date.parse(iso) + ms).toISOString());
}

describe('trusted account lists', () => {
  let ledger: TestLedger;
  beforeEach(async () => {
    ledger = await standardScenario();
  });

  it('change nothing for an account that has none', async () => {
    expect(await evaluate(ledger, Users.trader1, tx(cc.approval, 'GetTrustedAccounts'), 'HOLD1')).toEqual({
      accountId: 'HOLD1',
      exists: false,
      delaySeconds: 86_400,
      accounts: [],
    });
    await expect(submit(ledger, Users.operator1, transfer, send('HOLD2'))).resolves.toBeDefined();
  });

  it('refuse a transfer to an account added but not yet in effect, then allow it after the delay', async () => {
    const list = (await submit(ledger, Users.operator1, add, {
      accountId: 'HOLD1',
      trustedAccountId: 'TRADE2',
    })) as TrustedAccountList;
    expect(list).toMatchObject({ exists: true, delaySeconds: 86_400 });
    const entry = list.accounts[0];
    expect(entry).toMatchObject({ accountId: 'TRADE2', addedBy: { userName: 'operator1' } });
    expect(Date.parse(entry?.effectiveAt ?? '') - Date.parse(entry?.addedAt ?? '')).toBe(DAY_MS);
    expect(ledger.lastEvent()).toMatchObject({
      name: 'TrustedAccountsChanged',
      payload: { change: 'added', trustedAccountId: 'TRADE2' },
    });
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, transfer, send('TRADE2')),
      'FAILED_PRECONDITION',
      /Transfer: account TRADE2 was added to account HOLD1's trusted account list at .* and takes effect only at /,
    );
    after(ledger, entry?.effectiveAt ?? '', 0);
    await expect(submit(ledger, Users.operator1, transfer, send('TRADE2'))).resolves.toBeDefined();
  });

  it('refuse a transfer to an unlisted account; the holder’s own and national accounts stay allowed', async () => {
    await submit(ledger, Users.operator1, add, { accountId: 'HOLD1', trustedAccountId: 'TRADE2' });
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, transfer, send('HOLD2')),
      'FAILED_PRECONDITION',
      /Transfer: account HOLD2 is not on account HOLD1's trusted account list; the holder adds it \(Approval:AddTrustedAccount\) and it takes effect after 86400 s \(24 h\)/,
    );
    await expect(submit(ledger, Users.operator1, transfer, send('TRADE1'))).resolves.toBeDefined();
    await expect(
      submit(ledger, Users.operator1, tx(cc.compliance, 'Surrender'), {
        period: 2025,
        installationId: 'INST1',
        unitType: 'allowance',
        quantity: 10,
      }),
    ).resolves.toBeDefined();
  });

  it('remove an account at once; the emptied list still limits transfers', async () => {
    const list = (await submit(ledger, Users.operator1, add, {
      accountId: 'HOLD1',
      trustedAccountId: 'TRADE2',
      delaySeconds: 0,
    })) as TrustedAccountList;
    expect(list.delaySeconds).toBe(0);
    await submit(ledger, Users.operator1, transfer, send('TRADE2'));
    const emptied = (await submit(ledger, Users.trader1, remove, {
      accountId: 'HOLD1',
      trustedAccountId: 'TRADE2',
    })) as TrustedAccountList;
    expect(emptied).toMatchObject({ exists: true, accounts: [] });
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, transfer, send('TRADE2')),
      'FAILED_PRECONDITION',
      /not on account HOLD1's trusted account list/,
    );
  });

  it('let the delay be raised, never lowered', async () => {
    await submit(ledger, Users.operator1, add, {
      accountId: 'HOLD1',
      trustedAccountId: 'TRADE2',
      delaySeconds: 3_600,
    });
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, add, {
        accountId: 'HOLD1',
        trustedAccountId: 'HOLD2',
        delaySeconds: 60,
      }),
      'FAILED_PRECONDITION',
      /trusted list delay is 3600 s \(1 h\) and can only be raised/,
    );
    const raised = (await submit(ledger, Users.operator1, add, {
      accountId: 'HOLD1',
      trustedAccountId: 'HOLD2',
      delaySeconds: 7_200,
    })) as TrustedAccountList;
    expect(raised.delaySeconds).toBe(7_200);
    expect(raised.accounts.map((a) => a.accountId)).toEqual(['HOLD2', 'TRADE2']);
  });

  it.each([
    [
      'another entity',
      Users.trader2,
      { trustedAccountId: 'TRADE2' },
      'FORBIDDEN',
      /only users of entity ENT1/,
    ],
    ['the account itself', Users.operator1, { trustedAccountId: 'HOLD1' }, 'INVALID_ARGUMENT', /must differ/],
    ['an own account', Users.operator1, { trustedAccountId: 'TRADE1' }, 'INVALID_ARGUMENT', /holder's own/],
    [
      'a national account',
      Users.operator1,
      { trustedAccountId: 'NATIONAL-DELETION' },
      'INVALID_ARGUMENT',
      /a national account and always trusted/,
    ],
    ['an unknown account', Users.operator1, { trustedAccountId: 'NOPE' }, 'NOT_FOUND', /account NOPE/],
  ] as const)(
    'refuse an addition by or of %s, ledger unchanged',
    async (_case, who, change, code, message) => {
      await expectRefused(ledger, submit(ledger, who, add, { accountId: 'HOLD1', ...change }), code, message);
    },
  );

  it('refuse a duplicate addition and the removal of an unlisted account, ledger unchanged', async () => {
    await submit(ledger, Users.operator1, add, { accountId: 'HOLD1', trustedAccountId: 'TRADE2' });
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, add, { accountId: 'HOLD1', trustedAccountId: 'TRADE2' }),
      'CONFLICT',
      /already on account HOLD1's trusted account list/,
    );
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, remove, { accountId: 'HOLD1', trustedAccountId: 'HOLD2' }),
      'NOT_FOUND',
      /HOLD2 is not on account HOLD1's trusted account list/,
    );
  });

  it('are checked again when an approved transfer executes', async () => {
    await submit(ledger, Users.regulator, tx(cc.approval, 'SetRepresentatives'), {
      accountId: 'HOLD1',
      representatives: [
        { mspId: 'Enterprise1MSP', userName: 'operator1', role: 'proposer' },
        { mspId: 'Enterprise1MSP', userName: 'trader1', role: 'approver' },
      ],
      approvalThreshold: 10,
      requestReference: 'REQ-1',
    });
    await submit(ledger, Users.operator1, add, {
      accountId: 'HOLD1',
      trustedAccountId: 'TRADE2',
      delaySeconds: 0,
    });
    const result = (await submit(ledger, Users.operator1, transfer, send('TRADE2'))) as TransferResult;
    const pending: ApprovalRequest = result.pendingApproval!;
    await submit(ledger, Users.operator1, remove, { accountId: 'HOLD1', trustedAccountId: 'TRADE2' });
    await expectRefused(
      ledger,
      submit(ledger, Users.trader1, tx(cc.approval, 'Approve'), {
        accountId: 'HOLD1',
        approvalId: pending.id,
      }),
      'FAILED_PRECONDITION',
      /Approve: account TRADE2 is not on account HOLD1's trusted account list/,
    );
    // A user of the holder who is not one of its representatives cannot change the list either.
    await expectRefused(
      ledger,
      submit(
        ledger,
        {
          name: 'outsider1',
          mspId: 'Enterprise1MSP',
          attributes: { 'carbon.role': 'trader', 'carbon.entity': 'ENT1' },
        },
        add,
        { accountId: 'HOLD1', trustedAccountId: 'HOLD2' },
      ),
      'FORBIDDEN',
      /AddTrustedAccount: account HOLD1 acts only through its proposer and approver representatives/,
    );
  });
});
