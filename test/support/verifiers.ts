import type { VerifierAccreditation } from '@carbon-ets/contract';
import { isMissing, type Participant } from './participants';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The verifier entities the network's verifier users act for (`carbon.entity` in network/topology.yaml):
 * verifier1 → VER1, verifier2 → VER2.
 */
export const VERIFIER_ENTITIES = [
  { id: 'VER1', kind: 'verifier', name: 'China Quality Certification Centre', ownerMsp: 'VerifierMSP' },
  { id: 'VER2', kind: 'verifier', name: 'Second verification body', ownerMsp: 'VerifierMSP' },
] as const;

/** Registers the verifier entities the network's verifier users act for, once. Idempotent. */
export async function ensureVerifierEntities(regulator: Participant): Promise<void> {
  for (const entity of VERIFIER_ENTITIES) {
    if (await isMissing(() => regulator.evaluate('Registry:GetEntity', entity.id))) {
      await regulator.submit('Registry:RegisterEntity', entity);
    }
  }
}

/**
 * Makes `verifierEntityId` accredited for `sector` for the next year, keeping the sectors its current (valid)
 * accreditation already covers: other test files on the same (possibly reused) network rely on them.
 */
export async function ensureAccredited(
  regulator: Participant,
  verifierEntityId: string,
  sector: string,
): Promise<VerifierAccreditation> {
  const soon = Date.now() + DAY_MS;
  const read = () => regulator.evaluate<VerifierAccreditation>('Mrv:GetAccreditation', verifierEntityId);
  const current = (await isMissing(read)) ? undefined : await read();
  // Sectors of a current accreditation that stays valid a while longer, kept for the other test files.
  const kept =
    current !== undefined && current.withdrawn === undefined && Date.parse(current.validUntil) > soon
      ? current.sectors
      : [];
  if (current !== undefined && kept.includes(sector)) return current;
  const sectors = new Set([...kept, sector]);
  return regulator.submit<VerifierAccreditation>('Mrv:AccreditVerifier', {
    entityId: verifierEntityId,
    sectors: [...sectors].sort(),
    validUntil: new Date(Date.now() + 365 * DAY_MS).toISOString(),
  });
}

/**
 * What the regulator does before a report can be verified: registers the verifier entities, accredits
 * `verifierEntityId` (VER1, verifier1's entity, by default) for the installation's sector and assigns it to
 * the installation's report for the period.
 */
export async function assignVerifier(
  regulator: Participant,
  period: number,
  installationId: string,
  verifierEntityId = 'VER1',
): Promise<void> {
  await ensureVerifierEntities(regulator);
  const installation = await regulator.evaluate<{ sector: string }>(
    'Registry:GetInstallation',
    installationId,
  );
  await ensureAccredited(regulator, verifierEntityId, installation.sector);
  await regulator.submit('Mrv:AssignVerifier', { period, installationId, verifierEntityId });
}
