import { Section } from '../../components/ui';
import { AccreditVerifierForm } from './AccreditVerifierForm';
import { AssignVerifierForm } from './AssignVerifierForm';

/**
 * Verifier entities: their accreditation (sectors, valid until, withdrawal) and their assignment to an
 * installation's report for a period — only the assigned, accredited entity's users may verify it.
 */
export function VerifiersSection() {
  return (
    <div className="reg-wide">
      <Section title="Verifiers">
        <div className="reg-split">
          <AccreditVerifierForm />
          <AssignVerifierForm />
        </div>
      </Section>
    </div>
  );
}
