/** Kinds of participants the regulator registers. Verifiers hold no units. */
export const ENTITY_KINDS = ['covered', 'trader', 'verifier'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** A registered participant. Its users carry `carbon.entity = id` in certificates issued by `ownerMsp`'s CA. */
export interface Entity {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  /** The org whose peers must endorse any debit of this entity's units. */
  readonly ownerMsp: string;
  /** Ids of this entity's installations (each is its own `installation` object). */
  readonly installationIds: readonly string[];
  readonly registeredAt: string;
}

/** A physical installation of a covered enterprise: the unit of MRV reporting and compliance. */
export interface Installation {
  readonly id: string;
  readonly entityId: string;
  readonly name: string;
  /** Sector code, e.g. `power`, `steel`, `cement`. */
  readonly sector: string;
  /** Rated capacity as a decimal string in `capacityUnit` (e.g. "600" MW). */
  readonly capacity: string;
  readonly capacityUnit: string;
  /** The operator holding account opened for this installation, once opened. */
  readonly holdingAccountId?: string;
}
