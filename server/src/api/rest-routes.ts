import {
  Allowance,
  Approval,
  Auction,
  Certificate,
  CarbonIndex,
  Compliance,
  Funds,
  Market,
  Mrv,
  Offset,
  Period,
  Query,
  Registry,
  System,
  type TransactionDefinition,
} from '@carbon-ets/contract';

/** Where a read's positional arguments come from in a REST request. */
export interface RestRequestParts {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
}

/**
 * One REST route of the wire contract: a transaction, the resource path it acts on, and — for a read — how the
 * request's path and query give its positional arguments. A write's request is the JSON body, with the path's
 * parameters as fields (`POST /accounts/ACC1/block` with `{ "reason": "…" }` is `{ accountId: "ACC1", reason }`).
 */
export interface RestRoute {
  readonly definition: TransactionDefinition;
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Under `/api/v1`, fastify style: `/accounts/:accountId`. */
  readonly path: string;
  /** The OpenAPI tag: the resource family. */
  readonly tag: string;
  /** A read's arguments in order: each names a path or query parameter. */
  readonly args?: readonly string[];
  /** A read whose one argument is a JSON object: the object, built from the request. */
  readonly argument?: (parts: RestRequestParts) => unknown;
  /** Created (201) or applied (200). */
  readonly created?: boolean;
}

const write = (
  definition: TransactionDefinition,
  method: 'POST' | 'PUT',
  path: string,
  tag: string,
  created = false,
): RestRoute => ({ definition, method, path, tag, created });
const read = (
  definition: TransactionDefinition,
  path: string,
  tag: string,
  args: readonly string[] = [],
): RestRoute => ({ definition, method: 'GET', path, tag, args });

/** `GET /objects/lot/ACC1/LOT7`: an object's key from its type and the rest of the path. */
function objectReference({ params }: RestRequestParts): unknown {
  return { type: params.type, id: (params['*'] ?? '').split('/').filter((part) => part !== '') };
}

/** The query string's parameters plus the path's, as one object. */
function queryObject({ params, query }: RestRequestParts): unknown {
  return { ...query, ...params };
}

/** Every transaction of the wire contract, as a resource-oriented REST route (under `/api/v1`). */
export const REST_ROUTES: readonly RestRoute[] = [
  // Registry: entities, installations, accounts
  write(Registry.registerEntity, 'POST', '/entities', 'registry', true),
  write(Registry.addInstallations, 'POST', '/entities/:entityId/installations', 'registry', true),
  read(Registry.getEntity, '/entities/:entityId', 'registry', ['entityId']),
  read(Registry.getInstallation, '/installations/:installationId', 'registry', ['installationId']),
  write(Registry.openAccount, 'POST', '/accounts', 'accounts', true),
  read(Registry.getAccount, '/accounts/:accountId', 'accounts', ['accountId']),
  write(Registry.blockAccount, 'POST', '/accounts/:accountId/block', 'accounts'),
  write(Registry.unblockAccount, 'POST', '/accounts/:accountId/unblock', 'accounts'),
  write(Registry.closeAccount, 'POST', '/accounts/:accountId/close', 'accounts'),
  read(Query.getHoldings, '/accounts/:accountId/holdings', 'accounts', ['accountId']),
  read(Funds.getBalance, '/accounts/:accountId/funds', 'funds', ['accountId']),
  read(Market.getPosition, '/accounts/:accountId/position', 'orders', ['accountId']),
  read(Allowance.getLot, '/accounts/:accountId/lots/:lotId', 'allowances', ['accountId', 'lotId']),
  // Account representatives, two-person approval requests and trusted account lists
  write(Approval.setRepresentatives, 'PUT', '/accounts/:accountId/representatives', 'approvals'),
  read(Approval.getRepresentatives, '/accounts/:accountId/representatives', 'approvals', ['accountId']),
  read(Approval.listApprovals, '/accounts/:accountId/approvals', 'approvals', ['accountId']),
  write(Approval.approve, 'POST', '/accounts/:accountId/approvals/:approvalId/approval', 'approvals'),
  write(Approval.reject, 'POST', '/accounts/:accountId/approvals/:approvalId/rejection', 'approvals'),
  write(Approval.expire, 'POST', '/accounts/:accountId/approvals/:approvalId/expiry', 'approvals'),
  read(Approval.getTrustedAccounts, '/accounts/:accountId/trusted-accounts', 'approvals', ['accountId']),
  write(Approval.addTrustedAccount, 'POST', '/accounts/:accountId/trusted-accounts', 'approvals', true),
  write(
    Approval.removeTrustedAccount,
    'POST',
    '/accounts/:accountId/trusted-accounts/:trustedAccountId/removal',
    'approvals',
  ),
  // Compliance periods and emission factors
  write(Period.createPeriod, 'POST', '/periods', 'periods', true),
  read(Period.getPeriod, '/periods/:year', 'periods', ['year']),
  write(Compliance.closePeriod, 'POST', '/periods/:period/closing', 'compliance'),
  read(Query.getSupplySummary, '/periods/:period/supply', 'supply', ['period']),
  read(Compliance.getComplianceStatus, '/periods/:period/compliance/:installationId', 'compliance', [
    'period',
    'installationId',
  ]),
  write(
    Compliance.correctEmissions,
    'POST',
    '/periods/:period/compliance/:installationId/corrections',
    'compliance',
    true,
  ),
  write(
    Compliance.estimateEmissions,
    'PUT',
    '/periods/:period/compliance/:installationId/estimate',
    'compliance',
  ),
  write(Period.publishFactorSet, 'POST', '/factor-sets', 'periods', true),
  read(Period.getFactorSet, '/factor-sets/:factorSetId/:version', 'periods', ['factorSetId', 'version']),
  // Allowances and offsets
  write(Allowance.issueAllowances, 'POST', '/allowances/issuances', 'allowances', true),
  // Free allocation: the period's plan, pre-allocation, true-up and returns, per installation
  write(Allowance.setAllocationPlan, 'PUT', '/periods/:period/allocation-plan', 'allowances'),
  read(Allowance.getAllocation, '/periods/:period/allocations/:installationId', 'allowances', [
    'period',
    'installationId',
  ]),
  write(
    Allowance.preAllocate,
    'POST',
    '/periods/:period/allocations/:installationId/pre-allocation',
    'allowances',
    true,
  ),
  write(Allowance.trueUp, 'POST', '/periods/:period/allocations/:installationId/true-up', 'allowances', true),
  write(
    Allowance.returnAllocation,
    'POST',
    '/periods/:period/allocations/:installationId/returns',
    'allowances',
    true,
  ),
  write(Allowance.transfer, 'POST', '/allowances/transfers', 'transfers', true),
  write(Allowance.consolidateLots, 'POST', '/accounts/:accountId/lot-consolidations', 'allowances'),
  write(Offset.registerProject, 'POST', '/offset-projects', 'offsets', true),
  read(Offset.getProject, '/offset-projects/:projectId', 'offsets', ['projectId']),
  write(Offset.issueOffsets, 'POST', '/offsets/issuances', 'offsets', true),
  write(Offset.transferOffsets, 'POST', '/offsets/transfers', 'transfers', true),
  write(Offset.retireOffsets, 'POST', '/offsets/retirements', 'offsets', true),
  // Green electricity certificates
  write(Certificate.issueCertificates, 'POST', '/certificates/issuances', 'certificates', true),
  write(Certificate.transferCertificates, 'POST', '/certificates/transfers', 'transfers', true),
  write(Certificate.cancelCertificates, 'POST', '/certificates/cancellations', 'certificates', true),
  read(Certificate.getDevice, '/certificate-devices/:deviceId', 'certificates', ['deviceId']),
  read(Certificate.getApplication, '/certificates/applications/:lotId', 'certificates', ['lotId']),
  write(Compliance.surrender, 'POST', '/surrenders', 'compliance', true),
  // Emission reports (MRV)
  write(Mrv.submitReport, 'POST', '/reports', 'reports', true),
  read(Mrv.getReport, '/reports/:period/:installationId', 'reports', ['period', 'installationId']),
  read(
    Mrv.getReportCommercialData,
    '/reports/:period/:installationId/versions/:version/commercial-data',
    'reports',
    ['period', 'installationId', 'version'],
  ),
  write(Mrv.correctReport, 'PUT', '/reports/:period/:installationId', 'reports'),
  write(Mrv.verifyReport, 'POST', '/reports/:period/:installationId/verification', 'reports'),
  write(Mrv.rejectReport, 'POST', '/reports/:period/:installationId/rejection', 'reports'),
  write(Mrv.acceptReport, 'POST', '/reports/:period/:installationId/acceptance', 'reports'),
  // Verifiers: accreditation of verifier entities, assignment to an installation's report for a period
  write(Mrv.accreditVerifier, 'PUT', '/verifiers/:entityId/accreditation', 'verifiers'),
  read(Mrv.getAccreditation, '/verifiers/:entityId/accreditation', 'verifiers', ['entityId']),
  write(Mrv.withdrawAccreditation, 'POST', '/verifiers/:entityId/accreditation/withdrawal', 'verifiers'),
  write(Mrv.assignVerifier, 'PUT', '/periods/:period/verifier-assignments/:installationId', 'verifiers'),
  read(Mrv.listVerifierAssignments, '/periods/:period/verifier-assignments', 'verifiers', ['period']),
  read(Mrv.getVerifierAssignment, '/periods/:period/verifier-assignments/:installationId', 'verifiers', [
    'period',
    'installationId',
  ]),
  // Funds
  write(Funds.deposit, 'POST', '/accounts/:accountId/deposits', 'funds', true),
  write(Funds.withdraw, 'POST', '/accounts/:accountId/withdrawals', 'funds', true),
  // Market: instruments, supervision, orders, bilateral proposals, market data
  write(Market.configureInstrument, 'PUT', '/instruments', 'market'),
  read(Market.getInstrument, '/instruments/:instrument', 'market', ['instrument']),
  read(Market.getOrderBook, '/instruments/:instrument/book', 'market', ['instrument']),
  {
    definition: Market.getTrades,
    method: 'GET',
    path: '/instruments/:instrument/trades',
    tag: 'trades',
    argument: queryObject,
  },
  {
    definition: Market.getMarketData,
    method: 'GET',
    path: '/instruments/:instrument/market-data',
    tag: 'market',
    argument: queryObject,
  },
  write(Market.match, 'POST', '/instruments/:instrument/clearings', 'market', true),
  write(Market.haltMarket, 'POST', '/market/halt', 'supervision'),
  write(Market.resumeMarket, 'POST', '/market/resume', 'supervision'),
  write(Market.freezeAccount, 'POST', '/accounts/:accountId/freeze', 'supervision'),
  write(Market.unfreezeAccount, 'POST', '/accounts/:accountId/unfreeze', 'supervision'),
  write(Market.setHoldingLimit, 'PUT', '/holding-limits', 'supervision'),
  write(Market.placeOrder, 'POST', '/accounts/:accountId/orders', 'orders', true),
  read(Market.getOrder, '/accounts/:accountId/orders/:orderId', 'orders', ['accountId', 'orderId']),
  write(Market.cancelOrder, 'POST', '/accounts/:accountId/orders/:orderId/cancel', 'orders'),
  write(Market.proposeTrade, 'POST', '/accounts/:accountId/proposals', 'proposals', true),
  read(Market.getProposal, '/proposals/:proposalId', 'proposals', ['proposalId']),
  write(Market.acceptTrade, 'POST', '/proposals/:proposalId/acceptance', 'proposals'),
  write(Market.rejectTrade, 'POST', '/proposals/:proposalId/rejection', 'proposals'),
  write(Market.cancelProposal, 'POST', '/proposals/:proposalId/cancel', 'proposals'),
  // Auctions: sealed bids (commit, then reveal), one clearing price
  write(Auction.scheduleAuction, 'POST', '/auctions', 'auctions', true),
  read(Auction.getAuctions, '/auctions', 'auctions'),
  read(Auction.getAuction, '/auctions/:auctionId', 'auctions', ['auctionId']),
  write(Auction.commitBid, 'POST', '/auctions/:auctionId/bids', 'auctions', true),
  read(Auction.getBids, '/auctions/:auctionId/bids', 'auctions', ['auctionId']),
  write(Auction.revealBid, 'POST', '/auctions/:auctionId/bids/:bidId/reveal', 'auctions'),
  write(Auction.clearAuction, 'POST', '/auctions/:auctionId/clearing', 'auctions'),
  read(Auction.getBidderBids, '/auctions/:auctionId/bidders/:entityId/bids', 'auctions', [
    'auctionId',
    'entityId',
  ]),
  // Carbon index: monthly energy use per installation, the index, the ranking
  write(CarbonIndex.submitMonthlyEnergy, 'PUT', '/installations/:installationId/energy', 'carbon-index'),
  read(CarbonIndex.getIndex, '/periods/:period/installations/:installationId/carbon-index', 'carbon-index', [
    'period',
    'installationId',
  ]),
  {
    definition: CarbonIndex.getRanking,
    method: 'GET',
    path: '/periods/:period/carbon-index-ranking',
    tag: 'carbon-index',
    argument: queryObject,
  },
  // History of any object, identity
  {
    definition: Query.getObject,
    method: 'GET',
    path: '/objects/:type/*',
    tag: 'history',
    argument: objectReference,
  },
  {
    definition: Query.getHistory,
    method: 'GET',
    path: '/history/:type/*',
    tag: 'history',
    argument: objectReference,
  },
  // Reconciliation: the world state in bounded pages (`?afterAccountId=…&afterLotId=…&pageSize=…`)
  { definition: Query.getLotsPage, method: 'GET', path: '/audit/lots', tag: 'audit', argument: queryObject },
  {
    definition: Query.getFundsPage,
    method: 'GET',
    path: '/audit/funds',
    tag: 'audit',
    argument: queryObject,
  },
  read(Query.getSupplySummaries, '/audit/supply', 'audit'),
  read(System.whoAmI, '/identity', 'session'),
];
