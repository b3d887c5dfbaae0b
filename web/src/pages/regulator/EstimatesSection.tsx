import { Section } from '../../components/ui';
import { CorrectionForm } from './CorrectionForm';
import { EstimateForm } from './EstimateForm';

/**
 * The regulator's estimates for installations that did not report, and corrections of accepted or estimated
 * emissions (even after the period is closed).
 */
export function EstimatesSection() {
  return (
    <div className="reg-wide">
      <Section title="Estimates and corrections">
        <div className="reg-split">
          <EstimateForm />
          <CorrectionForm />
        </div>
      </Section>
    </div>
  );
}
