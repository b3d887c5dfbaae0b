import type { Proposal } from '@carbon-ets/contract';
import { Num } from '../../components/ui';
import { useNotifications } from '../../notifications';
import { useUser } from '../../session';
import { priceCell, shortId } from './market';

const PROPOSAL_EVENTS = new Set(['TradeProposed', 'TradeAccepted', 'TradeRejected', 'ProposalCancelled']);

/** The latest state of each proposal the notifications of this visit told about, newest first. */
function useRecentProposals(): Proposal[] {
  const { notices } = useNotifications();
  const latest = new Map<string, Proposal>();
  for (const notice of notices) {
    if (!PROPOSAL_EVENTS.has(notice.event)) continue;
    const proposal = (notice.data as { payload?: { proposal?: Proposal } }).payload?.proposal;
    if (proposal !== undefined && !latest.has(proposal.id)) latest.set(proposal.id, proposal);
  }
  return [...latest.values()];
}

/** Proposals to or from the trader's entity that arrived while the page was open: pick one to answer it. */
export function RecentProposals({ onPick }: { onPick: (proposalId: string) => void }) {
  const user = useUser();
  const proposals = useRecentProposals();
  if (proposals.length === 0) {
    return (
      <p className="muted">Proposals to or from {user.entity ?? 'your entity'} appear here as they arrive.</p>
    );
  }
  return (
    <div style={{ overflowX: 'auto' }}>
      <table>
        <caption className="muted">Proposals notified since you opened the page</caption>
        <thead>
          <tr>
            <th>Proposal</th>
            <th>Seller</th>
            <th>Buyer</th>
            <th>Instrument</th>
            <th className="num">Price (CNY/t)</th>
            <th className="num">Quantity (t)</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {proposals.map((proposal) => (
            <tr key={proposal.id}>
              <td title={proposal.id}>{shortId(proposal.id)}</td>
              <td>{proposal.sellerEntityId}</td>
              <td>{proposal.buyerEntityId}</td>
              <td>{proposal.instrument}</td>
              <Num>{priceCell(proposal.price)}</Num>
              <Num>{proposal.quantity.toLocaleString('en-US')}</Num>
              <td>{proposal.status}</td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    onPick(proposal.id);
                  }}
                >
                  Show {shortId(proposal.id)}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
