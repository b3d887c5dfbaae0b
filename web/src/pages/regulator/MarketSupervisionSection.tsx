import { Section } from '../../components/ui';
import { FreezeForm } from './FreezeForm';
import { HaltForm } from './HaltForm';
import { HoldingLimitForm } from './HoldingLimitForm';
import { ListInstrumentForm } from './ListInstrumentForm';
import { OperatorStateView } from './OperatorState';

/** Instruments, halting and resuming, freezes, holding limits and the market operator's state. */
export function MarketSupervisionSection() {
  return (
    <div className="reg-wide">
      <Section title="Market supervision">
        <div className="reg-split">
          <ListInstrumentForm />
          <HaltForm />
          <FreezeForm />
          <HoldingLimitForm />
        </div>
        <OperatorStateView />
      </Section>
    </div>
  );
}
