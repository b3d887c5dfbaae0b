import type { EmissionReport } from '../../contracts';
import { type Command, requiredOption } from '../command';
import { facades, show, wholeOption } from './support';

/** `+12 t`, `-3 t`, `0 t`: verified − computed. */
function signedTonnes(tonnes: number): string {
  return `${tonnes > 0 ? '+' : ''}${tonnes} t`;
}

/** The lines a person reads about a report. */
export function reportSummary(report: EmissionReport): Record<string, unknown> {
  const { verification } = report;
  return {
    period: report.period,
    installation: report.installationId,
    version: report.version,
    status: report.status,
    emissions: `${report.emissionsTonnes} t (${report.emissionsKg} kg)`,
    factorSet: `${report.factorSet.id} v${report.factorSet.version}`,
    verified: verification ? `${verification.verifiedEmissionsTonnes} t by ${verification.verifier}` : '-',
    difference:
      verification?.differenceTonnes !== undefined
        ? `${signedTonnes(verification.differenceTonnes)}${verification.reason === undefined ? '' : ` (${verification.reason})`}`
        : '-',
    rejected: report.rejection?.reason ?? '-',
    accepted: report.acceptance?.at ?? '-',
    late: report.late,
  };
}

export const reportShowCommand: Command = {
  name: 'report show',
  summary: "Anyone: the current version of an installation's report for a period (Mrv:GetReport)",
  options: {
    period: { type: 'string', description: 'the period' },
    installation: { type: 'string', description: 'the installation' },
  },
  async run(context) {
    const report = await facades(context).mrv.getReport(
      wholeOption(context, 'period'),
      requiredOption(context, 'installation'),
    );
    show(context, report, reportSummary(report));
  },
};
