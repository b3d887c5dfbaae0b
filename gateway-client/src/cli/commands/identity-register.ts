import { registerUser, ROLES, type Role } from '../../identities';
import { type Command, ExpectedError, requiredOption } from '../command';

export const identityRegisterCommand: Command = {
  name: 'identity register',
  summary:
    "Register a new user with the org's Fabric CA (as its registrar), with carbon.role and carbon.entity",
  options: {
    name: { type: 'string', description: 'the new user name' },
    role: { type: 'string', description: `one of ${ROLES.join(', ')}` },
    entity: { type: 'string', description: 'the enterprise the user acts for (operators and traders)' },
    secret: { type: 'string', description: 'enrolment secret (default: a random one, printed)' },
  },
  async run(context) {
    const role = requiredOption(context, 'role');
    if (!(ROLES as readonly string[]).includes(role))
      throw new ExpectedError(`--role must be one of ${ROLES.join(', ')}`);
    const connection = context.connect();
    const entity = context.options.entity;
    const secret = context.options.secret;
    const name = requiredOption(context, 'name');
    const issued = await registerUser(connection.settings, {
      name,
      role: role as Role,
      ...(typeof entity === 'string' ? { entity } : {}),
      ...(typeof secret === 'string' ? { secret } : {}),
    });
    context.printRecord({
      organization: connection.settings.organization,
      user: name,
      role,
      entity: entity ?? null,
      secret: issued,
    });
    context.note(
      `next: carbon identity enroll --org ${connection.settings.organization} --name ${name} --secret <secret>`,
    );
  },
};
