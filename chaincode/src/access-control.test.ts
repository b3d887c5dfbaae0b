import type { Context } from 'fabric-contract-api';
import { Users, type UserName } from './testing/identities';
import {
  acceptInst1Report,
  assignVer1,
  cancelledCertificatesOfEnt1,
  inst3OwesReturn,
  issueOffsetsToEnt1,
} from './testing/cycle';
import { AuctionTimes, commitBid, fundTraders, salt, stockAuctionAccount } from './testing/auction';
import { createCarbonIndexPeriod } from './testing/carbon-index';
import { expectRefused } from './testing/expect-refused';
import { cc, evaluate, Fixtures, standardScenario, submit, tx } from './testing/scenario';
import type { TestLedger } from './testing/test-ledger';

type Fn = (ctx: Context, ...args: string[]) => Promise<string>;

interface Row {
  readonly name: string;
  readonly fn: Fn;
  readonly args: readonly unknown[] | ((ledger: TestLedger) => Promise<unknown[]>);
  readonly allowed: readonly UserName[];
  readonly prepare?: (ledger: TestLedger) => Promise<void>;
}

const ENT1: UserName[] = ['operator1', 'trader1'];
const SUPERVISORS: UserName[] = ['regulator', 'verifier', 'auditor'];
const EVERYONE: UserName[] = [...SUPERVISORS, 'operator1', 'trader1', 'operator2', 'trader2', 'impostor'];
const report = { period: 2025, installationId: 'INST1', version: 1 };
const submitted = async (ledger: TestLedger): Promise<void> => {
  await submit(ledger, Users.operator1, tx(cc.mrv, 'SubmitReport'), Fixtures.report());
};
/** Submitted, with verifier VER1 accredited and assigned to it. */
const awaitingVerifier = async (ledger: TestLedger): Promise<void> => {
  await submitted(ledger);
  await assignVer1(ledger);
};
const accreditation = { entityId: 'VER1', sectors: ['power'], validUntil: '2030-01-01' };
const accredited = async (ledger: TestLedger): Promise<void> => {
  await submit(ledger, Users.regulator, tx(cc.mrv, 'AccreditVerifier'), accreditation);
};

/** Lists allowance-2025 and funds the enterprise accounts. */
const listed = async (ledger: TestLedger): Promise<void> => {
  await submit(ledger, Users.regulator, tx(cc.market, 'ConfigureInstrument'), {
    unitType: 'allowance',
    vintage: 2025,
    referencePrice: 10_000,
  });
  for (const accountId of ['TRADE1', 'TRADE2']) {
    await submit(ledger, Users.regulator, tx(cc.funds, 'Deposit'), { accountId, amount: '100000000' });
  }
};
const sellOrder = {
  accountId: 'HOLD1',
  side: 'sell',
  instrument: 'allowance-2025',
  price: 10_000,
  quantity: 10,
};
const proposalRequest = {
  accountId: 'HOLD1',
  buyerEntityId: 'ENT2',
  instrument: 'allowance-2025',
  price: 10_000,
  quantity: 10,
};
/** Period 2026 (the 2025 fixture a year on) with 10 allowances issued. */
const period2026 = async (ledger: TestLedger): Promise<void> => {
  await submit(ledger, Users.regulator, tx(cc.period, 'CreatePeriod'), {
    ...Fixtures.period2025,
    year: 2026,
    deadlines: { reportBy: '2027-03-31', verifyBy: '2027-06-30', surrenderBy: '2027-09-30' },
  });
  await submit(ledger, Users.regulator, tx(cc.allowance, 'IssueAllowances'), { period: 2026, quantity: 10 });
};
const withOrder = async (ledger: TestLedger): Promise<void> => {
  await listed(ledger);
  await submit(ledger, Users.operator1, tx(cc.market, 'PlaceOrder'), sellOrder);
};
const withProposal = async (ledger: TestLedger): Promise<void> => {
  await listed(ledger);
  await submit(ledger, Users.operator1, tx(cc.market, 'ProposeTrade'), proposalRequest);
};
/** Period 2026 with a carbon index on the standard factor set. */
const withCarbonIndex = (ledger: TestLedger): Promise<void> => createCarbonIndexPeriod(ledger);
const withMonthlyEnergy = async (ledger: TestLedger): Promise<void> => {
  await withCarbonIndex(ledger);
  await submit(ledger, Users.operator1, tx(cc.carbonIndex, 'SubmitMonthlyEnergy'), {
    installationId: 'INST1',
    period: 2026,
    month: 1,
    coal: '10',
  });
};
const auctionRequest = {
  id: 'AUC1',
  vintage: 2025,
  quantity: 100,
  reservePrice: 5_000,
  biddingOpensAt: AuctionTimes.opens,
  biddingClosesAt: AuctionTimes.closes,
  revealBy: AuctionTimes.revealBy,
  maxShareBasisPoints: 5_000,
};
/** An auction of 100 t open for bids, the traders funded. */
const withAuction = async (ledger: TestLedger): Promise<void> => {
  await stockAuctionAccount(ledger);
  await fundTraders(ledger);
  await submit(ledger, Users.regulator, tx(cc.auction, 'ScheduleAuction'), auctionRequest);
  ledger.setTime(AuctionTimes.opens);
};
/** The secret part of TRADE1's bid (10 t at 6,000 fen). */
const sealed = { accountId: 'TRADE1', salt: salt(1) };
/** TRADE1's bid committed, the reveal period begun. */
const withBid = async (ledger: TestLedger): Promise<void> => {
  await withAuction(ledger);
  await commitBid(ledger, Users.trader1, { ...sealed, price: 6_000, quantity: 10 });
  ledger.setTime(AuctionTimes.closes);
};
const lastBidId = (ledger: TestLedger): string => {
  const committed = ledger.world.events.filter((event) => event.name === 'BidCommitted').at(-1);
  return (committed?.payload as { bid?: { id: string } } | undefined)?.bid?.id ?? '';
};
/** Id of the order or proposal created by the last committed transaction. */
const lastId = (ledger: TestLedger, field: 'order' | 'proposal'): string =>
  ((ledger.lastEvent()?.payload[field] ?? {}) as { id?: string }).id ?? '';

/** HOLD1 with representatives (operator1 proposes, trader1 approves above 5 t) and a 10 t transfer waiting. */
const withApprovalRequest = async (ledger: TestLedger): Promise<void> => {
  await submit(ledger, Users.regulator, tx(cc.approval, 'SetRepresentatives'), {
    accountId: 'HOLD1',
    representatives: [
      { mspId: 'Enterprise1MSP', userName: 'operator1', role: 'proposer' },
      { mspId: 'Enterprise1MSP', userName: 'trader1', role: 'approver' },
    ],
    approvalThreshold: 5,
    requestReference: 'REQ-1',
  });
  await submit(ledger, Users.operator1, tx(cc.allowance, 'Transfer'), {
    fromAccount: 'HOLD1',
    toAccount: 'TRADE2',
    quantity: 10,
  });
};
/** The approval request the last committed transaction created, as `{ accountId, approvalId }`. */
const lastApproval = (ledger: TestLedger): Promise<unknown[]> => {
  const approval = (ledger.lastEvent()?.payload.approval ?? {}) as { id?: string };
  return Promise.resolve([{ accountId: 'HOLD1', approvalId: approval.id ?? '' }]);
};

/** Every transaction, the request it is called with, and exactly who may call it. */
const table: Row[] = [
  {
    name: 'Registry:RegisterEntity',
    fn: tx(cc.registry, 'RegisterEntity'),
    args: [{ id: 'ENT7', kind: 'trader', name: 'Broker', ownerMsp: 'Enterprise2MSP' }],
    allowed: ['regulator'],
  },
  {
    name: 'Registry:AddInstallations',
    fn: tx(cc.registry, 'AddInstallations'),
    args: [{ entityId: 'ENT1', installations: [{ id: 'INST7', sector: 'power', capacity: '1' }] }],
    allowed: ['regulator'],
  },
  {
    name: 'Registry:OpenAccount',
    fn: tx(cc.registry, 'OpenAccount'),
    args: [{ kind: 'trading', id: 'T7', entityId: 'ENT1' }],
    allowed: ['regulator'],
  },
  {
    name: 'Registry:BlockAccount',
    fn: tx(cc.registry, 'BlockAccount'),
    args: [{ accountId: 'TRADE1', reason: 'r' }],
    allowed: ['regulator'],
  },
  {
    name: 'Registry:UnblockAccount',
    fn: tx(cc.registry, 'UnblockAccount'),
    args: [{ accountId: 'TRADE1', reason: 'r' }],
    allowed: ['regulator'],
    prepare: async (l) => {
      await submit(l, Users.regulator, tx(cc.registry, 'BlockAccount'), { accountId: 'TRADE1', reason: 'r' });
    },
  },
  {
    name: 'Registry:CloseAccount',
    fn: tx(cc.registry, 'CloseAccount'),
    args: [{ accountId: 'TRADE1', reason: 'r' }],
    allowed: ['regulator'],
  },
  { name: 'Registry:GetEntity', fn: tx(cc.registry, 'GetEntity'), args: ['ENT1'], allowed: EVERYONE },
  {
    name: 'Registry:GetInstallation',
    fn: tx(cc.registry, 'GetInstallation'),
    args: ['INST1'],
    allowed: EVERYONE,
  },
  { name: 'Registry:GetAccount', fn: tx(cc.registry, 'GetAccount'), args: ['HOLD1'], allowed: EVERYONE },
  {
    name: 'Period:CreatePeriod',
    fn: tx(cc.period, 'CreatePeriod'),
    args: [{ ...Fixtures.period2025, year: 2026 }],
    allowed: ['regulator'],
  },
  {
    name: 'Period:PublishFactorSet',
    fn: tx(cc.period, 'PublishFactorSet'),
    args: [{ ...Fixtures.factorSet, version: 2 }],
    allowed: ['regulator'],
  },
  { name: 'Period:GetPeriod', fn: tx(cc.period, 'GetPeriod'), args: ['2025'], allowed: EVERYONE },
  {
    name: 'Period:GetFactorSet',
    fn: tx(cc.period, 'GetFactorSet'),
    args: ['IPCC2006', '1'],
    allowed: EVERYONE,
  },
  {
    name: 'Allowance:IssueAllowances',
    fn: tx(cc.allowance, 'IssueAllowances'),
    args: [{ period: 2025, quantity: 10 }],
    allowed: ['regulator'],
  },
  {
    name: 'Allowance:SetAllocationPlan',
    fn: tx(cc.allowance, 'SetAllocationPlan'),
    // 2026: INST1's 2025 plan line is fixed (its allocation has started).
    args: [
      { period: 2026, lines: [{ installationId: 'INST1', method: 'fixed', quantity: 10, ceiling: 10 }] },
    ],
    allowed: ['regulator'],
    prepare: period2026,
  },
  {
    name: 'Allowance:PreAllocate',
    fn: tx(cc.allowance, 'PreAllocate'),
    args: [{ period: 2026, installationId: 'INST1' }],
    allowed: ['regulator'],
    prepare: async (l) => {
      await period2026(l);
      await submit(l, Users.regulator, tx(cc.allowance, 'SetAllocationPlan'), {
        period: 2026,
        lines: [
          {
            installationId: 'INST1',
            method: 'fixed',
            quantity: 10,
            preAllocationBase: 10,
            preAllocationShareBasisPoints: 10_000,
            ceiling: 10,
          },
        ],
      });
    },
  },
  {
    name: 'Allowance:TrueUp',
    fn: tx(cc.allowance, 'TrueUp'),
    args: [{ period: 2025, installationId: 'INST1' }],
    allowed: ['regulator'],
    prepare: async (l) => {
      await acceptInst1Report(l);
    },
  },
  {
    name: 'Allowance:ReturnAllocation',
    fn: tx(cc.allowance, 'ReturnAllocation'),
    args: [{ period: 2025, installationId: 'INST3', quantity: 10 }],
    allowed: ['operator1'],
    prepare: inst3OwesReturn,
  },
  {
    name: 'Allowance:GetAllocation',
    fn: tx(cc.allowance, 'GetAllocation'),
    args: ['2025', 'INST1'],
    allowed: [...SUPERVISORS, ...ENT1],
  },
  {
    name: 'Allowance:Transfer',
    fn: tx(cc.allowance, 'Transfer'),
    args: [{ fromAccount: 'HOLD1', toAccount: 'TRADE2', quantity: 10 }],
    allowed: ENT1,
  },
  {
    name: 'Allowance:ConsolidateLots',
    fn: tx(cc.allowance, 'ConsolidateLots'),
    args: [{ accountId: 'HOLD1' }],
    allowed: ENT1,
    // A second lot in HOLD1 (from HOLD2), so that there is something to merge.
    prepare: async (l) => {
      await submit(l, Users.operator2, tx(cc.allowance, 'Transfer'), {
        fromAccount: 'HOLD2',
        toAccount: 'HOLD1',
        quantity: 1,
      });
    },
  },
  {
    name: 'Allowance:GetLot',
    fn: tx(cc.allowance, 'GetLot'),
    args: async (l) => {
      const view = (await evaluate(l, Users.auditor, tx(cc.query, 'GetHoldings'), 'HOLD1')) as {
        holdings: { lots: { id: string }[] }[];
      };
      return ['HOLD1', view.holdings[0]?.lots[0]?.id];
    },
    allowed: EVERYONE,
  },
  {
    name: 'Offset:RegisterProject',
    fn: tx(cc.offset, 'RegisterProject'),
    args: [{ id: 'PRJ7', name: 'Solar', methodology: 'M', ownerEntityId: 'ENT2' }],
    allowed: ['regulator'],
  },
  {
    name: 'Offset:IssueOffsets',
    fn: tx(cc.offset, 'IssueOffsets'),
    args: [
      {
        projectId: 'PRJ1',
        vintage: 2024,
        monitoringPeriod: { from: '2024-01-01', to: '2024-12-31' },
        serialStart: 5_000,
        quantity: 5,
        toAccount: 'TRADE1',
      },
    ],
    allowed: ['regulator'],
    prepare: (l) => issueOffsetsToEnt1(l),
  },
  {
    name: 'Offset:TransferOffsets',
    fn: tx(cc.offset, 'TransferOffsets'),
    args: [{ fromAccount: 'TRADE1', toAccount: 'TRADE2', quantity: 10 }],
    allowed: ENT1,
    prepare: (l) => issueOffsetsToEnt1(l),
  },
  {
    name: 'Offset:RetireOffsets',
    fn: tx(cc.offset, 'RetireOffsets'),
    args: [{ accountId: 'TRADE1', quantity: 10, beneficiary: 'City of Wuhan' }],
    allowed: ENT1,
    prepare: (l) => issueOffsetsToEnt1(l),
  },
  {
    name: 'Offset:GetProject',
    fn: tx(cc.offset, 'GetProject'),
    args: ['PRJ1'],
    allowed: EVERYONE,
    prepare: (l) => issueOffsetsToEnt1(l),
  },
  {
    name: 'Certificate:IssueCertificates',
    fn: tx(cc.certificate, 'IssueCertificates'),
    args: [
      {
        deviceId: 'DEV7',
        installationId: 'INST2',
        productionPeriod: { from: '2025-03-01', to: '2025-03-31' },
        quantity: 5,
        toAccount: 'TRADE2',
      },
    ],
    allowed: ['regulator'],
  },
  {
    name: 'Certificate:TransferCertificates',
    fn: tx(cc.certificate, 'TransferCertificates'),
    args: [{ fromAccount: 'TRADE1', toAccount: 'TRADE2', quantity: 10 }],
    allowed: ENT1,
    prepare: async (l) => {
      await cancelledCertificatesOfEnt1(l);
    },
  },
  {
    name: 'Certificate:CancelCertificates',
    fn: tx(cc.certificate, 'CancelCertificates'),
    args: [{ accountId: 'TRADE1', quantity: 10, beneficiary: 'City of Hefei' }],
    allowed: ENT1,
    prepare: async (l) => {
      await cancelledCertificatesOfEnt1(l);
    },
  },
  {
    name: 'Certificate:GetDevice',
    fn: tx(cc.certificate, 'GetDevice'),
    args: ['DEV1'],
    allowed: EVERYONE,
    prepare: async (l) => {
      await cancelledCertificatesOfEnt1(l);
    },
  },
  {
    name: 'Certificate:GetApplication',
    fn: tx(cc.certificate, 'GetApplication'),
    args: async (l) => {
      const lotId = await cancelledCertificatesOfEnt1(l);
      await submit(l, Users.operator1, tx(cc.mrv, 'SubmitReport'), {
        ...Fixtures.report(),
        greenCertificateLotIds: [lotId],
      });
      return [lotId];
    },
    allowed: [...SUPERVISORS, ...ENT1],
  },
  {
    name: 'Mrv:SubmitReport',
    fn: tx(cc.mrv, 'SubmitReport'),
    args: [Fixtures.report()],
    allowed: ['operator1'],
  },
  {
    name: 'Mrv:CorrectReport',
    fn: tx(cc.mrv, 'CorrectReport'),
    args: [{ ...Fixtures.report(), reason: 'fix' }],
    allowed: ['operator1'],
    prepare: submitted,
  },
  {
    name: 'Mrv:VerifyReport',
    fn: tx(cc.mrv, 'VerifyReport'),
    args: [{ ...report, verifiedEmissions: 3_264, opinion: 'positive' }],
    allowed: ['verifier'],
    prepare: awaitingVerifier,
  },
  {
    name: 'Mrv:RejectReport',
    fn: tx(cc.mrv, 'RejectReport'),
    args: [{ ...report, reason: 'incomplete' }],
    allowed: ['verifier'],
    prepare: awaitingVerifier,
  },
  {
    name: 'Mrv:AccreditVerifier',
    fn: tx(cc.mrv, 'AccreditVerifier'),
    args: [accreditation],
    allowed: ['regulator'],
  },
  {
    name: 'Mrv:WithdrawAccreditation',
    fn: tx(cc.mrv, 'WithdrawAccreditation'),
    args: [{ entityId: 'VER1', reason: 'suspended' }],
    allowed: ['regulator'],
    prepare: accredited,
  },
  {
    name: 'Mrv:AssignVerifier',
    fn: tx(cc.mrv, 'AssignVerifier'),
    args: [{ period: 2025, installationId: 'INST1', verifierEntityId: 'VER1' }],
    allowed: ['regulator'],
    prepare: accredited,
  },
  {
    name: 'Mrv:GetAccreditation',
    fn: tx(cc.mrv, 'GetAccreditation'),
    args: ['VER1'],
    allowed: EVERYONE,
    prepare: accredited,
  },
  {
    name: 'Mrv:GetVerifierAssignment',
    fn: tx(cc.mrv, 'GetVerifierAssignment'),
    args: ['2025', 'INST1'],
    allowed: EVERYONE,
    prepare: awaitingVerifier,
  },
  {
    name: 'Mrv:ListVerifierAssignments',
    fn: tx(cc.mrv, 'ListVerifierAssignments'),
    args: ['2025'],
    allowed: EVERYONE,
    prepare: awaitingVerifier,
  },
  {
    name: 'Mrv:AcceptReport',
    fn: tx(cc.mrv, 'AcceptReport'),
    args: [report],
    allowed: ['regulator'],
    prepare: async (l) => {
      await awaitingVerifier(l);
      await submit(l, Users.verifier, tx(cc.mrv, 'VerifyReport'), {
        ...report,
        verifiedEmissions: 3_264,
        opinion: 'positive',
      });
    },
  },
  {
    name: 'Mrv:GetReport',
    fn: tx(cc.mrv, 'GetReport'),
    args: ['2025', 'INST1'],
    allowed: EVERYONE,
    prepare: submitted,
  },
  {
    name: 'Mrv:GetReportCommercialData',
    fn: tx(cc.mrv, 'GetReportCommercialData'),
    args: ['2025', 'INST1', '1'],
    allowed: EVERYONE,
    prepare: submitted,
  },
  {
    name: 'Compliance:Surrender',
    fn: tx(cc.compliance, 'Surrender'),
    args: [{ period: 2025, installationId: 'INST1', unitType: 'allowance', quantity: 10 }],
    allowed: ['operator1'],
  },
  {
    name: 'Compliance:GetComplianceStatus',
    fn: tx(cc.compliance, 'GetComplianceStatus'),
    args: ['2025', 'INST1'],
    allowed: EVERYONE,
  },
  {
    name: 'Compliance:ClosePeriod',
    fn: tx(cc.compliance, 'ClosePeriod'),
    args: [{ period: 2025 }],
    allowed: ['regulator'],
    prepare: async (l) => {
      await acceptInst1Report(l);
      l.setTime('2026-10-01T00:00:00Z');
      await submit(l, Users.regulator, tx(cc.compliance, 'EstimateEmissions'), {
        period: 2025,
        installationId: 'INST2',
        estimatedEmissions: 90_000,
        reason: 'no report',
      });
    },
  },
  {
    name: 'Compliance:CorrectEmissions',
    fn: tx(cc.compliance, 'CorrectEmissions'),
    args: [
      {
        period: 2025,
        installationId: 'INST1',
        verifiedEmissions: 3_300,
        reason: 'meter recalibrated',
        documents: [{ name: 'calibration.pdf', sha256: 'b'.repeat(64) }],
      },
    ],
    allowed: ['regulator'],
    prepare: async (l) => {
      await acceptInst1Report(l);
    },
  },
  {
    name: 'Compliance:EstimateEmissions',
    fn: tx(cc.compliance, 'EstimateEmissions'),
    args: [{ period: 2025, installationId: 'INST2', estimatedEmissions: 90_000, reason: 'no report' }],
    allowed: ['regulator'],
    prepare: (l) => {
      l.setTime('2026-04-01T00:00:00Z');
      return Promise.resolve();
    },
  },
  {
    name: 'Approval:SetRepresentatives',
    fn: tx(cc.approval, 'SetRepresentatives'),
    args: [
      {
        accountId: 'HOLD1',
        representatives: [{ mspId: 'Enterprise1MSP', userName: 'operator1', role: 'approver' }],
        requestReference: 'REQ-1',
      },
    ],
    allowed: ['regulator'],
  },
  {
    name: 'Approval:Approve',
    fn: tx(cc.approval, 'Approve'),
    args: lastApproval,
    // operator1 proposed it: a second person, the approver, must approve.
    allowed: ['trader1'],
    prepare: withApprovalRequest,
  },
  {
    name: 'Approval:Reject',
    fn: tx(cc.approval, 'Reject'),
    args: lastApproval,
    allowed: ENT1,
    prepare: withApprovalRequest,
  },
  {
    name: 'Approval:Expire',
    fn: tx(cc.approval, 'Expire'),
    args: lastApproval,
    allowed: EVERYONE,
    prepare: async (l) => {
      await withApprovalRequest(l);
      l.setTime('2025-03-01T00:00:00Z');
    },
  },
  {
    name: 'Approval:AddTrustedAccount',
    fn: tx(cc.approval, 'AddTrustedAccount'),
    args: [{ accountId: 'HOLD1', trustedAccountId: 'TRADE2' }],
    allowed: ENT1,
  },
  {
    name: 'Approval:RemoveTrustedAccount',
    fn: tx(cc.approval, 'RemoveTrustedAccount'),
    args: [{ accountId: 'HOLD1', trustedAccountId: 'TRADE2' }],
    allowed: ENT1,
    prepare: async (l) => {
      await submit(l, Users.operator1, tx(cc.approval, 'AddTrustedAccount'), {
        accountId: 'HOLD1',
        trustedAccountId: 'TRADE2',
      });
    },
  },
  {
    name: 'Approval:GetRepresentatives',
    fn: tx(cc.approval, 'GetRepresentatives'),
    args: ['HOLD1'],
    allowed: [...SUPERVISORS, ...ENT1],
  },
  {
    name: 'Approval:ListApprovals',
    fn: tx(cc.approval, 'ListApprovals'),
    args: ['HOLD1'],
    allowed: [...SUPERVISORS, ...ENT1],
    prepare: withApprovalRequest,
  },
  {
    name: 'Approval:GetTrustedAccounts',
    fn: tx(cc.approval, 'GetTrustedAccounts'),
    args: ['HOLD1'],
    allowed: [...SUPERVISORS, ...ENT1],
  },
  {
    name: 'Query:GetObject',
    fn: tx(cc.query, 'GetObject'),
    args: [{ type: 'account', id: ['HOLD1'] }],
    allowed: [...SUPERVISORS, ...ENT1],
  },
  {
    name: 'Query:GetHistory',
    fn: tx(cc.query, 'GetHistory'),
    args: [{ type: 'compliance', id: [2025, 'INST1'] }],
    allowed: [...SUPERVISORS, ...ENT1],
  },
  {
    name: 'Query:GetHoldings',
    fn: tx(cc.query, 'GetHoldings'),
    args: ['HOLD1'],
    allowed: [...SUPERVISORS, ...ENT1],
  },
  { name: 'Query:GetSupplySummary', fn: tx(cc.query, 'GetSupplySummary'), args: ['2025'], allowed: EVERYONE },
  {
    name: 'Query:GetSupplySummaries',
    fn: tx(cc.query, 'GetSupplySummaries'),
    args: [],
    allowed: ['regulator', 'auditor'],
  },
  {
    name: 'Query:GetLotsPage',
    fn: tx(cc.query, 'GetLotsPage'),
    args: [{ pageSize: 10 }],
    allowed: ['regulator', 'auditor'],
  },
  {
    name: 'Query:GetFundsPage',
    fn: tx(cc.query, 'GetFundsPage'),
    args: [{}],
    allowed: ['regulator', 'auditor'],
  },
  {
    name: 'Funds:Deposit',
    fn: tx(cc.funds, 'Deposit'),
    args: [{ accountId: 'TRADE1', amount: '100' }],
    allowed: ['regulator'],
  },
  {
    name: 'Funds:Withdraw',
    fn: tx(cc.funds, 'Withdraw'),
    args: [{ accountId: 'TRADE1', amount: '10' }],
    allowed: ['regulator'],
    prepare: listed,
  },
  {
    name: 'Funds:GetBalance',
    fn: tx(cc.funds, 'GetBalance'),
    args: ['TRADE1'],
    allowed: [...SUPERVISORS, ...ENT1],
  },
  {
    name: 'Market:ConfigureInstrument',
    fn: tx(cc.market, 'ConfigureInstrument'),
    args: [{ unitType: 'allowance', vintage: 2025, referencePrice: 10_000 }],
    allowed: ['regulator'],
  },
  {
    name: 'Market:HaltMarket',
    fn: tx(cc.market, 'HaltMarket'),
    args: [{ reason: 'r' }],
    allowed: ['regulator'],
  },
  {
    name: 'Market:ResumeMarket',
    fn: tx(cc.market, 'ResumeMarket'),
    args: [{ reason: 'r' }],
    allowed: ['regulator'],
    prepare: async (l) => {
      await submit(l, Users.regulator, tx(cc.market, 'HaltMarket'), { reason: 'r' });
    },
  },
  {
    name: 'Market:FreezeAccount',
    fn: tx(cc.market, 'FreezeAccount'),
    args: [{ accountId: 'TRADE1', reason: 'r' }],
    allowed: ['regulator'],
  },
  {
    name: 'Market:UnfreezeAccount',
    fn: tx(cc.market, 'UnfreezeAccount'),
    args: [{ accountId: 'TRADE1', reason: 'r' }],
    allowed: ['regulator'],
    prepare: async (l) => {
      await submit(l, Users.regulator, tx(cc.market, 'FreezeAccount'), { accountId: 'TRADE1', reason: 'r' });
    },
  },
  {
    name: 'Market:SetHoldingLimit',
    fn: tx(cc.market, 'SetHoldingLimit'),
    args: [{ entityId: 'ENT1', instrument: 'allowance-2025', limit: 5 }],
    allowed: ['regulator'],
  },
  {
    name: 'Market:PlaceOrder',
    fn: tx(cc.market, 'PlaceOrder'),
    args: [sellOrder],
    allowed: ENT1,
    prepare: listed,
  },
  {
    name: 'Market:CancelOrder',
    fn: tx(cc.market, 'CancelOrder'),
    args: (l) => Promise.resolve([{ accountId: 'HOLD1', orderId: lastId(l, 'order') }]),
    allowed: [...ENT1, 'regulator'],
    prepare: withOrder,
  },
  {
    name: 'Market:Match',
    fn: tx(cc.market, 'Match'),
    args: [{ instrument: 'allowance-2025' }],
    allowed: ['regulator'],
    prepare: withOrder,
  },
  {
    name: 'Market:ProposeTrade',
    fn: tx(cc.market, 'ProposeTrade'),
    args: [proposalRequest],
    allowed: ENT1,
    prepare: listed,
  },
  {
    name: 'Market:AcceptTrade',
    fn: tx(cc.market, 'AcceptTrade'),
    args: (l) => Promise.resolve([{ proposalId: lastId(l, 'proposal'), accountId: 'TRADE2' }]),
    allowed: ['operator2', 'trader2'],
    prepare: withProposal,
  },
  {
    name: 'Market:RejectTrade',
    fn: tx(cc.market, 'RejectTrade'),
    args: (l) => Promise.resolve([{ proposalId: lastId(l, 'proposal') }]),
    allowed: ['operator2', 'trader2'],
    prepare: withProposal,
  },
  {
    name: 'Market:CancelProposal',
    fn: tx(cc.market, 'CancelProposal'),
    args: (l) => Promise.resolve([{ proposalId: lastId(l, 'proposal') }]),
    allowed: [...ENT1, 'regulator'],
    prepare: withProposal,
  },
  {
    name: 'Market:GetInstrument',
    fn: tx(cc.market, 'GetInstrument'),
    args: ['allowance-2025'],
    allowed: EVERYONE,
    prepare: listed,
  },
  {
    name: 'Market:GetOrderBook',
    fn: tx(cc.market, 'GetOrderBook'),
    args: ['allowance-2025'],
    allowed: EVERYONE,
    prepare: withOrder,
  },
  {
    name: 'Market:GetOrder',
    fn: tx(cc.market, 'GetOrder'),
    args: (l) => Promise.resolve(['HOLD1', lastId(l, 'order')]),
    allowed: [...SUPERVISORS, ...ENT1],
    prepare: withOrder,
  },
  {
    name: 'Market:GetPosition',
    fn: tx(cc.market, 'GetPosition'),
    args: ['HOLD1'],
    allowed: [...SUPERVISORS, ...ENT1],
    prepare: withOrder,
  },
  {
    name: 'Market:GetTrades',
    fn: tx(cc.market, 'GetTrades'),
    args: [{ instrument: 'allowance-2025', day: '2025-01-15' }],
    allowed: EVERYONE,
  },
  {
    name: 'Market:GetMarketData',
    fn: tx(cc.market, 'GetMarketData'),
    args: [{ instrument: 'allowance-2025' }],
    allowed: EVERYONE,
  },
  {
    name: 'Market:GetProposal',
    fn: tx(cc.market, 'GetProposal'),
    args: (l) => Promise.resolve([lastId(l, 'proposal')]),
    allowed: [...SUPERVISORS, ...ENT1, 'operator2', 'trader2'],
    prepare: withProposal,
  },
  {
    name: 'Auction:ScheduleAuction',
    fn: tx(cc.auction, 'ScheduleAuction'),
    args: [auctionRequest],
    allowed: ['regulator'],
    prepare: (l) => stockAuctionAccount(l),
  },
  {
    name: 'Auction:CommitBid',
    fn: tx(cc.auction, 'CommitBid'),
    args: [{ auctionId: 'AUC1', accountId: 'TRADE1', commitment: 'c'.repeat(64), escrow: '1000' }],
    allowed: ENT1,
    prepare: withAuction,
  },
  {
    name: 'Auction:RevealBid',
    fn: tx(cc.auction, 'RevealBid'),
    args: (l) =>
      Promise.resolve([{ auctionId: 'AUC1', bidId: lastBidId(l), price: 6_000, quantity: 10, ...sealed }]),
    allowed: ENT1,
    prepare: withBid,
  },
  {
    name: 'Auction:ClearAuction',
    fn: tx(cc.auction, 'ClearAuction'),
    args: [{ auctionId: 'AUC1' }],
    allowed: EVERYONE,
    prepare: async (l) => {
      await withBid(l);
      l.setTime(AuctionTimes.revealBy);
    },
  },
  {
    name: 'Auction:GetAuction',
    fn: tx(cc.auction, 'GetAuction'),
    args: ['AUC1'],
    allowed: EVERYONE,
    prepare: withAuction,
  },
  {
    name: 'Auction:GetAuctions',
    fn: tx(cc.auction, 'GetAuctions'),
    args: [],
    allowed: EVERYONE,
    prepare: withAuction,
  },
  {
    name: 'Auction:GetBids',
    fn: tx(cc.auction, 'GetBids'),
    args: ['AUC1'],
    allowed: SUPERVISORS,
    prepare: withBid,
  },
  {
    name: 'Auction:GetBidderBids',
    fn: tx(cc.auction, 'GetBidderBids'),
    args: ['AUC1', 'ENT1'],
    allowed: [...SUPERVISORS, ...ENT1],
    prepare: withBid,
  },
  {
    name: 'CarbonIndex:SubmitMonthlyEnergy',
    fn: tx(cc.carbonIndex, 'SubmitMonthlyEnergy'),
    args: [{ installationId: 'INST1', period: 2026, month: 1, electricity: '10' }],
    allowed: ['operator1'],
    prepare: withCarbonIndex,
  },
  {
    name: 'CarbonIndex:GetIndex',
    fn: tx(cc.carbonIndex, 'GetIndex'),
    args: ['2026', 'INST1'],
    allowed: ['operator1', ...SUPERVISORS],
    prepare: withMonthlyEnergy,
  },
  {
    name: 'CarbonIndex:GetRanking',
    fn: tx(cc.carbonIndex, 'GetRanking'),
    args: [{ period: 2026 }],
    allowed: ['regulator', 'auditor'],
    prepare: withMonthlyEnergy,
  },
];

const everyUser = Object.keys(Users) as UserName[];

describe('access control: every transaction called by every user', () => {
  let base: TestLedger;
  beforeAll(async () => {
    base = await standardScenario();
  });

  it.each(table.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const start = base.fork();
    await row.prepare?.(start);
    for (const user of everyUser) {
      const ledger = start.fork();
      const args = typeof row.args === 'function' ? await row.args(ledger) : row.args;
      const attempt = submit(ledger, Users[user], row.fn, ...args);
      if (row.allowed.includes(user)) {
        await expect(attempt).resolves.toBeDefined();
      } else {
        await expectRefused(ledger, attempt, 'FORBIDDEN');
      }
    }
  });

  it('covers every transaction of every contract', () => {
    const names = new Set(table.map((row) => row.name));
    for (const [contractName, contract] of Object.entries(cc)) {
      const prototype = Object.getPrototypeOf(contract) as object;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        if (/^[A-Z]/.test(method)) {
          const name = `${contractName.charAt(0).toUpperCase()}${contractName.slice(1)}:${method}`;
          expect({ name, covered: names.has(name) }).toEqual({ name, covered: true });
        }
      }
    }
  });
});

/** Transactions whose arguments include a JSON `request`, from the contracts' own Fabric metadata. */
function transactionsTakingRequests(): string[] {
  const metadata = Reflect as unknown as { getMetadata(key: string, target: object): unknown };
  const names: string[] = [];
  for (const [contractName, contract] of Object.entries(cc)) {
    const transactions = metadata.getMetadata(
      'fabric:transactions',
      Object.getPrototypeOf(contract) as object,
    ) as { name: string; parameters: { name: string }[] }[] | undefined;
    for (const transaction of transactions ?? []) {
      if (transaction.parameters.some((parameter) => parameter.name === 'request')) {
        names.push(`${contractName.charAt(0).toUpperCase()}${contractName.slice(1)}:${transaction.name}`);
      }
    }
  }
  return names.sort();
}

describe('exact requests: every transaction taking a JSON request refuses a key it does not know', () => {
  const takingRequests = transactionsTakingRequests();
  let base: TestLedger;
  beforeAll(async () => {
    base = await standardScenario();
  });

  it('finds the transactions in the contracts, every one of them in the table', () => {
    expect(takingRequests.length).toBeGreaterThan(30);
    expect(takingRequests.filter((name) => !table.some((row) => row.name === name))).toEqual([]);
  });

  it.each(takingRequests)('%s', async (name) => {
    const row = table.find((candidate) => candidate.name === name);
    const caller = row?.allowed[0];
    if (row === undefined || caller === undefined)
      throw new Error(`${name} has no allowed caller in the table`);
    const ledger = base.fork();
    await row.prepare?.(ledger);
    const [request, ...rest] = typeof row.args === 'function' ? await row.args(ledger) : row.args;
    expect(typeof request).toBe('object');
    await expectRefused(
      ledger,
      submit(ledger, Users[caller], row.fn, { ...(request as object), zzUnknown: 1 }, ...rest),
      'INVALID_ARGUMENT',
      /^INVALID_ARGUMENT: [A-Za-z]+: unknown key "zzUnknown"; accepted: [A-Za-z]+(, [A-Za-z]+)*$/,
    );
  });
});
