import { Field, Section } from '../../components/ui';
import { ACCOUNT_PATTERN, FIELD_GRID, INSTRUMENT_PATTERN } from './market';

/** The instrument the page shows and the trader's account it acts for (both remembered by the page). */
export function MarketSelector({
  instrument,
  account,
  onInstrument,
  onAccount,
}: {
  instrument: string;
  account: string;
  onInstrument: (value: string) => void;
  onAccount: (value: string) => void;
}) {
  const instrumentError =
    instrument.trim() !== '' && !INSTRUMENT_PATTERN.test(instrument.trim())
      ? 'An instrument is <unit type>-<vintage>, e.g. allowance-2025'
      : undefined;
  const accountError =
    account.trim() !== '' && !ACCOUNT_PATTERN.test(account.trim())
      ? 'An account id is letters, digits, dots, dashes or underscores'
      : undefined;
  return (
    <Section title="Market">
      <form
        style={FIELD_GRID}
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        <Field
          label="Instrument"
          name="instrument"
          value={instrument}
          onChange={onInstrument}
          placeholder="allowance-2025"
          error={instrumentError}
        />
        <Field
          label="Account"
          name="account"
          value={account}
          onChange={onAccount}
          placeholder="your account id"
          error={accountError}
        />
      </form>
    </Section>
  );
}
