import { z } from 'zod';
import { Id } from './fields';
import { ANY_IDENTITY, ANYONE, read, type TransactionDefinition } from './transaction';

/** Who the chaincode sees: the caller's MSP id and `carbon.*` attributes, and the transaction's id. */
export const CallerIdentity = z
  .object({ mspId: z.string(), role: z.string().nullable(), entity: z.string().nullable(), txId: z.string() })
  .readonly();
export type CallerIdentity = z.infer<typeof CallerIdentity>;

/** A heartbeat: `heartbeat ~ source`, written blind. */
export const Heartbeat = z.object({ source: z.string(), at: z.string(), txId: z.string() }).readonly();
export type Heartbeat = z.infer<typeof Heartbeat>;

/** `System`: the identity round trip. */
export const System = {
  whoAmI: read({
    contract: 'System',
    name: 'WhoAmI',
    roles: ANY_IDENTITY,
    label: 'whoAmI',
    summary: "The caller's MSP id, carbon.role and carbon.entity as the chaincode sees them",
    args: [],
    answer: CallerIdentity,
  }),
} as const;

/**
 * `System:Heartbeat`: a write whose one argument is the source's id as plain text, not a JSON request (it is
 * the cheapest state change, the benchmark's ceiling). Not part of the {@link System} façade.
 */
export const SystemHeartbeat = {
  ...read({
    contract: 'System',
    name: 'Heartbeat',
    roles: ANYONE,
    label: 'source',
    summary: 'Records that a source (a client, a monitor) is alive: one blind write, nothing read',
    args: [Id],
    answer: Heartbeat,
  }),
  kind: 'submit',
} as const satisfies TransactionDefinition;
