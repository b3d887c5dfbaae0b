import type { ActivityLineInput, EmissionReport } from '@carbon-ets/contract';
import { add, type Fraction, formatDecimal, multiply, parseDecimal, whole } from './decimal';
import { sha256Hex } from './sha256';
import { wholeOrText } from '../regulator/forms';

/** The fuel every report form offers; a factor set's other fuels are offered once it is loaded. */
export const NATURAL_GAS = 'natural_gas';

/** The emissions report form as the operator types it: quantities in t (fuels) and MWh (electricity). */
export interface ReportDraft {
  readonly period: string;
  readonly installationId: string;
  readonly factorSetId: string;
  readonly factorSetVersion: string;
  /** Tonnes burnt, by fuel id of the factor set. */
  readonly fuels: Readonly<Record<string, string>>;
  readonly electricityMWh: string;
  readonly documentName: string;
  readonly documentSha256: string;
  /** Cancelled green certificate lots to apply against the purchased electricity, ids as typed. */
  readonly greenCertificateLots: string;
}

export function emptyDraft(period: string, installationId: string): ReportDraft {
  return {
    period,
    installationId,
    factorSetId: '',
    factorSetVersion: '1',
    fuels: { [NATURAL_GAS]: '' },
    electricityMWh: '',
    documentName: '',
    documentSha256: '',
    greenCertificateLots: '',
  };
}

/** `natural_gas` → `Natural gas`. */
export function fuelName(fuel: string): string {
  const words = fuel.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The activity lines a draft makes: one per fuel with a quantity, and electricity when given. */
export function activityOf(draft: ReportDraft): ActivityLineInput[] {
  const lines: ActivityLineInput[] = Object.entries(draft.fuels)
    .filter(([, quantity]) => quantity.trim() !== '')
    .map(([fuel, quantity]) => ({ kind: 'fuel', fuel, quantity: quantity.trim(), unit: 't' }));
  if (draft.electricityMWh.trim() !== '') {
    lines.push({ kind: 'electricity', quantity: draft.electricityMWh.trim(), unit: 'MWh' });
  }
  return lines;
}

/** Lot ids typed as a list, separated by commas or spaces: `L1, L2` → `['L1', 'L2']`. */
export function lotIdsOf(text: string): string[] {
  return text.split(/[\s,]+/).filter((id) => id !== '');
}

/**
 * The `POST /reports` (or `PUT`, with `reason`) body. A document whose hash is left empty is given the SHA-256
 * of its name, so the ledger still keeps a real digest of what was named.
 */
export async function requestOf(draft: ReportDraft): Promise<Record<string, unknown>> {
  const name = draft.documentName.trim();
  const typed = draft.documentSha256.trim().toLowerCase();
  const documents =
    name === '' && typed === '' ? [] : [{ name, sha256: typed === '' ? await sha256Hex(name) : typed }];
  const greenCertificateLotIds = lotIdsOf(draft.greenCertificateLots);
  return {
    period: wholeOrText(draft.period),
    installationId: draft.installationId.trim(),
    factorSetId: draft.factorSetId.trim(),
    factorSetVersion: wholeOrText(draft.factorSetVersion),
    activity: activityOf(draft),
    documents,
    ...(greenCertificateLotIds.length === 0 ? {} : { greenCertificateLotIds }),
  };
}

/** A report on the ledger back in the form (kt and GWh lines in t and MWh; lines of one fuel added up). */
export function draftOf(report: EmissionReport): ReportDraft {
  const fuels: Record<string, Fraction> = {};
  let electricity: Fraction | undefined;
  for (const line of report.activity ?? []) {
    const quantity = parseDecimal(line.quantity);
    if (quantity === undefined) continue;
    if (line.kind === 'fuel') {
      const tonnes = multiply(quantity, whole(line.unit === 'kt' ? 1000n : 1n));
      const before = fuels[line.fuel];
      fuels[line.fuel] = before === undefined ? tonnes : add(before, tonnes);
    } else {
      const mwh = multiply(quantity, whole(line.unit === 'GWh' ? 1000n : 1n));
      electricity = electricity === undefined ? mwh : add(electricity, mwh);
    }
  }
  const document = report.documents?.[0];
  return {
    period: String(report.period),
    installationId: report.installationId,
    factorSetId: report.factorSet.id,
    factorSetVersion: String(report.factorSet.version),
    fuels: {
      [NATURAL_GAS]: '',
      ...Object.fromEntries(Object.entries(fuels).map(([fuel, tonnes]) => [fuel, formatDecimal(tonnes)])),
    },
    electricityMWh: electricity === undefined ? '' : formatDecimal(electricity),
    documentName: document?.name ?? '',
    documentSha256: document?.sha256 ?? '',
    greenCertificateLots: report.greenCertificates?.lotIds.join(', ') ?? '',
  };
}
