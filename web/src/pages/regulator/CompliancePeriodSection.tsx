import { useState } from 'react';
import { Field, Section } from '../../components/ui';
import { CreatePeriodForm } from './CreatePeriodForm';
import { InputError, year } from './forms';
import { PeriodDashboard } from './PeriodDashboard';

/** Creating a period, and the dashboard of the period asked for (or of the one just created). */
export function CompliancePeriodSection() {
  const [typed, setTyped] = useState('');
  const [shown, setShown] = useState<{ year: number; asked: number } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const show = (value: number) => {
    setTyped(String(value));
    setError(undefined);
    setShown({ year: value, asked: Date.now() });
  };
  return (
    <div className="reg-wide">
      <Section title="Compliance period">
        <div className="reg-split">
          <CreatePeriodForm onCreated={show} />
          <div>
            <form
              className="reg-form"
              onSubmit={(event) => {
                event.preventDefault();
                try {
                  show(year(typed, 'period', 'Period'));
                } catch (err) {
                  setError(err instanceof InputError ? err.message : String(err));
                }
              }}
            >
              <h3>Dashboard</h3>
              <Field
                label="Period"
                name="dashboard-period"
                value={typed}
                onChange={setTyped}
                inputMode="numeric"
                placeholder="2025"
                error={error}
              />
              <div className="reg-actions">
                <button type="submit">Show period</button>
              </div>
            </form>
            {shown === undefined ? (
              <p className="muted">Enter a period&apos;s year to see its cap, supply and compliance.</p>
            ) : (
              <PeriodDashboard key={`${shown.year}-${shown.asked}`} year={shown.year} />
            )}
          </div>
        </div>
      </Section>
    </div>
  );
}
