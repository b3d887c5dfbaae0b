import { loadConnectionSettings } from '../../connection-settings';
import { enrollUser } from '../../identities';
import { type Command, ExpectedError, requiredOption } from '../command';

export const identityEnrollCommand: Command = {
  name: 'identity enroll',
  summary:
    "Enrol a registered user: a key pair made here, a certificate from the org's CA, stored owner-only",
  options: {
    name: { type: 'string', description: 'the registered user name' },
    secret: { type: 'string', description: 'the enrolment secret from `identity register`' },
  },
  async run(context) {
    const org = context.options.org;
    if (typeof org !== 'string') throw new ExpectedError('--org is required');
    const settings = loadConnectionSettings(org);
    const name = requiredOption(context, 'name');
    const files = await enrollUser(settings, name, requiredOption(context, 'secret'));
    context.printRecord({ organization: settings.organization, user: name, ...files });
  },
};
