import { randomBytes } from 'node:crypto';
import { priceNonceOf } from '@carbon-ets/contract';
import type { FundsBalance, Proposal } from '@carbon-ets/gateway-client';
import { freshCheckpointPath, reconcileAsAuditor } from './support/carbon-cli';
import {
  allowancesOf,
  ensureBaseline,
  firstFreePeriodYear,
  periodWithTradingAccounts,
} from './support/baseline';
import { participant, type Participant } from './support/participants';

/**
 * A bilateral trade paid off-channel (issue 15): the agreed price is commercial data of both parties, kept in
 * the seller's and the buyer's collections; the channel moves the units free of payment and keeps only hashes.
 */
describe('a bilateral trade paid off-channel on the real network', () => {
  let regulator: Participant;
  let trader1: Participant;
  let trader2: Participant;
  let auditor: Participant;
  let year = 0;
  let seller = '';
  let buyer = '';
  let proposal: Proposal;
  const agreedPrice = 5_123;
  const priceNonce = priceNonceOf(randomBytes(16));
  const funds = (accountId: string) => auditor.evaluate<FundsBalance>('Funds:GetBalance', accountId);

  beforeAll(async () => {
    regulator = participant('Regulator', 'regulator1');
    trader1 = participant('Enterprise1', 'trader1');
    trader2 = participant('Enterprise2', 'trader2');
    auditor = participant('Auditor', 'auditor1');
    await ensureBaseline(regulator);
    year = await firstFreePeriodYear(regulator, 2176);
    seller = `OTC-S-${year}`;
    buyer = `OTC-B-${year}`;
    await periodWithTradingAccounts(
      regulator,
      year,
      [
        { id: seller, entityId: 'ENT1' },
        { id: buyer, entityId: 'ENT2' },
      ],
      10_000,
      1_000,
    );
    await regulator.submit('Market:ConfigureInstrument', {
      unitType: 'allowance',
      vintage: year,
      referencePrice: 5_000,
    });
    proposal = await trader1.submit<Proposal>('Market:ProposeTrade', {
      accountId: seller,
      buyerEntityId: 'ENT2',
      instrument: `allowance-${year}`,
      quantity: 40,
      agreedPrice,
      priceNonce,
    });
  });

  afterAll(() => {
    for (const p of [regulator, trader1, trader2, auditor]) p.connection.close();
  });

  test('the proposal on the channel has no price, only the hash of the seller’s copy', async () => {
    expect(proposal.settlement).toBe('off-channel');
    expect(proposal.price).toBeUndefined();
    expect(proposal.agreedPriceData?.seller.collection).toBe('commercial-Enterprise1MSP');
    expect(JSON.stringify(proposal)).not.toContain(priceNonce);
    // The regulator, a member of the seller's collection, reads the price on its own peer.
    const seen = await regulator.evaluate<Proposal>('Market:GetProposal', proposal.id);
    expect(seen.agreedPrice).toBe(agreedPrice);
    // The buyer's peer does not hold the seller's copy: the buyer learns the price from the seller, not the ledger.
    const byBuyer = await trader2.evaluate<Proposal>('Market:GetProposal', proposal.id);
    expect(byBuyer.agreedPrice).toBeUndefined();
    expect(byBuyer.status).toBe('open');
  });

  test('an acceptance with another nonce is refused and nothing moves', async () => {
    const refusal = await trader2.refusal('Market:AcceptTrade', {
      proposalId: proposal.id,
      accountId: buyer,
      agreedPrice,
      priceNonce: priceNonceOf(randomBytes(16)),
    });
    expect(refusal.code).toBe('FAILED_PRECONDITION');
    expect(refusal.reason).not.toContain(String(agreedPrice));
    expect((await regulator.evaluate<Proposal>('Market:GetProposal', proposal.id)).status).toBe('open');
    expect(await allowancesOf(auditor, buyer)).toEqual({ held: 0, locked: 0 });
  });

  test('the buyer accepts with the agreed price and nonce: units delivered, no cash moves', async () => {
    const [sellerFundsBefore, buyerFundsBefore] = await Promise.all([funds(seller), funds(buyer)]);
    const accepted = await trader2.submit<{ proposal: Proposal; trade: { price?: number; value?: string } }>(
      'Market:AcceptTrade',
      { proposalId: proposal.id, accountId: buyer, agreedPrice, priceNonce },
    );
    expect(accepted.proposal.status).toBe('accepted');
    expect(accepted.trade.price).toBeUndefined();
    expect(accepted.trade.value).toBeUndefined();
    expect(await allowancesOf(auditor, buyer)).toEqual({ held: 40, locked: 0 });
    expect(await allowancesOf(auditor, seller)).toEqual({ held: 960, locked: 0 });
    expect((await funds(seller)).total).toBe(sellerFundsBefore.total);
    expect((await funds(buyer)).total).toBe(buyerFundsBefore.total);
    // Now the buyer's own peer holds its copy, with the same hash as the seller's.
    const byBuyer = await trader2.evaluate<Proposal>('Market:GetProposal', proposal.id);
    expect(byBuyer.agreedPrice).toBe(agreedPrice);
    expect(byBuyer.agreedPriceData?.buyer?.collection).toBe('commercial-Enterprise2MSP');
    expect(byBuyer.agreedPriceData?.buyer?.sha256).toBe(byBuyer.agreedPriceData?.seller.sha256);
  });

  test('reconcile stays clean', async () => {
    const { code, report } = await reconcileAsAuditor({ checkpoint: freshCheckpointPath() });
    expect(code).toBe(0);
    expect(report.mismatches).toEqual([]);
  });
});
