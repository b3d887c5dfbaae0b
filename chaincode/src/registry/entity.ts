/** Entities and installations: their schemas are the wire contract's (`@carbon-ets/contract`). */
export { ENTITY_KINDS, type Entity, type EntityKind, type Installation } from '@carbon-ets/contract';
