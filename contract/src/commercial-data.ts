import { z } from 'zod';
import { parseJsonText } from './exact-json';
import { invalidArgument } from './refusal';

/**
 * Commercial data: an enterprise's activity figures and supporting documents are its secrets. They are kept in a
 * private data collection of the enterprise's organisation, shared with the supervisors (regulator, verifiers,
 * auditor) and no other enterprise; the channel keeps only their SHA-256 and what the compliance arithmetic
 * needs. They travel from the client to the endorsing peers in the proposal's transient map, never as an
 * argument (arguments are written into the block every orderer and peer keeps).
 */

/** Transient-map key under which a client sends a write's commercial fields, as one JSON object. */
export const COMMERCIAL_TRANSIENT_KEY = 'carbon.commercial';

const COMMERCIAL_COLLECTION_PREFIX = 'commercial-';

/** The private data collection of an enterprise organisation's commercial data. */
export function commercialCollection(ownerMsp: string): string {
  return `${COMMERCIAL_COLLECTION_PREFIX}${ownerMsp}`;
}

/** The organisation (MSP id) owning a commercial collection; undefined for a name that is not one. */
export function commercialCollectionOwner(collection: string): string | undefined {
  return collection.startsWith(COMMERCIAL_COLLECTION_PREFIX) &&
    collection.length > COMMERCIAL_COLLECTION_PREFIX.length
    ? collection.slice(COMMERCIAL_COLLECTION_PREFIX.length)
    : undefined;
}

/**
 * Where the commercial part of a public record is kept: the collection, the private key's attributes and the
 * SHA-256 (hex) of the stored bytes — the same hash Fabric keeps on the channel for the private write, so any
 * member can check a copy it is shown.
 */
export const CommercialDataRef = z
  .object({ collection: z.string(), key: z.array(z.string()).readonly(), sha256: z.string() })
  .readonly();
export type CommercialDataRef = z.infer<typeof CommercialDataRef>;

/**
 * Splits a write's request into the argument and the commercial fields a client sends in the transient map
 * (undefined when the transaction has none, or the request carries none of them).
 */
export function splitCommercial(
  commercialFields: readonly string[] | undefined,
  request: unknown,
): { argument: unknown; commercial: Record<string, unknown> | undefined } {
  if (commercialFields === undefined || typeof request !== 'object' || request === null) {
    return { argument: request, commercial: undefined };
  }
  const argument: Record<string, unknown> = {};
  const commercial: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(request)) {
    (commercialFields.includes(name) ? commercial : argument)[name] = value;
  }
  return { argument, commercial: Object.keys(commercial).length === 0 ? undefined : commercial };
}

/**
 * Joins a write's argument (already read exactly) and its commercial fields from the transient map into the one
 * request the schema validates. A commercial field in the argument is refused: sent that way it would already be
 * in the block for every member to read, so the client is told how to send it.
 */
export function joinCommercial(
  label: string,
  commercialFields: readonly string[],
  argument: unknown,
  commercialText: string | undefined,
): unknown {
  if (typeof argument !== 'object' || argument === null || Array.isArray(argument)) return argument;
  for (const name of commercialFields) {
    if (name in argument) {
      throw invalidArgument(
        `${label}.${name} is commercial data: send it in the transient map under ${COMMERCIAL_TRANSIENT_KEY}, never as an argument (arguments are stored in the block)`,
      );
    }
  }
  if (commercialText === undefined) return argument;
  const commercial = parseJsonText(commercialText, `${label} (${COMMERCIAL_TRANSIENT_KEY})`);
  if (typeof commercial !== 'object' || commercial === null || Array.isArray(commercial)) {
    throw invalidArgument(`${label} (${COMMERCIAL_TRANSIENT_KEY}) must be a JSON object`);
  }
  for (const name of Object.keys(commercial)) {
    if (!commercialFields.includes(name)) {
      throw invalidArgument(
        `${label}.${name} is not commercial data: send it as the argument, not in ${COMMERCIAL_TRANSIENT_KEY} (accepted there: ${commercialFields.join(', ')})`,
      );
    }
  }
  return Object.fromEntries([...Object.entries(argument), ...Object.entries(commercial)]);
}

/**
 * Object types kept in the commercial collections (not in the world state), each a composite key
 * `type ~ attributes…` there.
 */
export const CommercialObjectType = {
  /** `reportActivity ~ period ~ installationId ~ version`: a report version's activity lines and documents. */
  reportActivity: 'reportActivity',
  /** `carbonIndexEnergy ~ period ~ installationId ~ MM ~ version`: a month's energy use and its emissions by source. */
  carbonIndexEnergy: 'carbonIndexEnergy',
  /**
   * `agreedPrice ~ proposalId`: the agreed price of a bilateral trade settled off-channel, with its nonce. The
   * same bytes are kept in the seller's collection (from the proposal) and the buyer's (from the acceptance).
   */
  agreedPrice: 'agreedPrice',
} as const;
export type CommercialObjectTypeName = (typeof CommercialObjectType)[keyof typeof CommercialObjectType];
