import type { Proposal } from '@carbon-ets/contract';
import { useState } from 'react';
import { Section } from '../../components/ui';
import type { MarketChoice } from './market';
import { ProposalLookup } from './ProposalLookup';
import { ProposeForm } from './ProposeForm';
import { RecentProposals } from './RecentProposals';

/** Negotiated trades: offer units to a named buyer, and accept, reject or withdraw a proposal by its id. */
export function BilateralProposals({
  choice,
  tick,
  onChanged,
}: {
  choice: MarketChoice;
  tick: number;
  onChanged: () => void;
}) {
  const [proposalId, setProposalId] = useState('');
  return (
    <Section title="Bilateral proposals">
      <ProposeForm
        choice={choice}
        onProposed={(proposal: Proposal) => {
          setProposalId(proposal.id);
          onChanged();
        }}
      />
      <hr style={{ border: 0, borderTop: '1px solid var(--line)', width: '100%' }} />
      <ProposalLookup
        proposalId={proposalId}
        onProposalId={setProposalId}
        account={choice.account}
        tick={tick}
        onChanged={onChanged}
      />
      <RecentProposals onPick={setProposalId} />
    </Section>
  );
}
