import { Section } from '../../components/ui';
import { AddInstallationForm } from './AddInstallationForm';
import { OpenAccountForm } from './OpenAccountForm';

/** The registry's writes: installations of a covered enterprise, and accounts. */
export function RegistrySection() {
  return (
    <Section title="Registry">
      <div className="reg-split">
        <AddInstallationForm />
        <OpenAccountForm />
      </div>
    </Section>
  );
}
