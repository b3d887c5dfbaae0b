import { Mrv } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, show, wholeOption } from './support';

export const verifierAccreditCommand: Command = {
  name: 'verifier accredit',
  summary:
    'Regulator: accredit a verifier entity for installation sectors until a date; replaces its current accreditation (Mrv:AccreditVerifier)',
  options: {
    entity: { type: 'string', description: 'the verifier entity, e.g. VER1' },
    sectors: { type: 'string', description: 'comma-separated installation sectors, e.g. power,steel' },
    'valid-until': {
      type: 'string',
      description: 'the accreditation lapses then: 2041-12-31 or 2041-12-31T23:59:59Z (UTC)',
    },
  },
  async run(context) {
    const request = contractRequest(Mrv.accreditVerifier, {
      entityId: requiredOption(context, 'entity'),
      // Spaces after commas are forgiven; anything else is the chaincode's check.
      sectors: requiredOption(context, 'sectors')
        .split(',')
        .map((sector) => sector.trim()),
      validUntil: requiredOption(context, 'valid-until'),
    });
    const accreditation = await facades(context).mrv.accreditVerifier(request);
    show(context, accreditation, {
      entity: accreditation.entityId,
      sectors: accreditation.sectors.join(', '),
      'valid until': accreditation.validUntil,
      accredited: accreditation.accreditedAt,
    });
  },
};

export const verifierAssignCommand: Command = {
  name: 'verifier assign',
  summary:
    "Regulator: assign an accredited verifier entity to an installation's report for a period; reassign until it is verified (Mrv:AssignVerifier)",
  options: {
    period: { type: 'string', description: 'the period' },
    installation: { type: 'string', description: 'the installation' },
    verifier: {
      type: 'string',
      description: "the verifier entity, accredited for the installation's sector",
    },
  },
  async run(context) {
    const request = contractRequest(Mrv.assignVerifier, {
      period: wholeOption(context, 'period'),
      installationId: requiredOption(context, 'installation'),
      verifierEntityId: requiredOption(context, 'verifier'),
    });
    const assignment = await facades(context).mrv.assignVerifier(request);
    show(context, assignment, {
      period: assignment.period,
      installation: assignment.installationId,
      sector: assignment.sector,
      verifier: assignment.verifierEntityId,
      replaced: assignment.previousVerifierEntityId ?? '-',
      assigned: assignment.assignedAt,
    });
  },
};
