import type { CompliancePeriod } from '@carbon-ets/contract';

const percent = (basisPoints: number) => `${(basisPoints / 100).toLocaleString('en-US')} %`;

/** Whether a period states any compliance policy (periods created before the policy existed state none). */
export function hasPolicy(period: CompliancePeriod): boolean {
  return (
    period.obligationCapBasisPoints !== undefined ||
    period.borrowingLimitBasisPoints !== undefined ||
    period.overSurrender !== undefined
  );
}

/** A period's compliance policy in words: gap cap, borrowing, over-surrender (absent fields: the defaults). */
export function policyText(period: CompliancePeriod): string {
  const cap =
    period.obligationCapBasisPoints === undefined
      ? 'no obligation cap'
      : `obligation capped at the free allocation + ${percent(period.obligationCapBasisPoints)}`;
  const borrowingLimit = period.borrowingLimitBasisPoints ?? 0;
  const borrowing =
    borrowingLimit === 0
      ? 'no borrowing'
      : `borrowing of vintage ${period.year + 1} up to ${percent(borrowingLimit)} of the obligation`;
  return `${cap}, ${borrowing}, over-surrender ${period.overSurrender ?? 'warned'}`;
}
