import { ROLES, type Role as RoleName } from '@carbon-ets/contract';

export { AuditorMsp, RegulatorMsp, VerifierMsp } from '@carbon-ets/contract';
export type { RoleName };

/** The roles by name (`Role.regulator`), from the wire contract's role list. */
export const Role = Object.fromEntries(ROLES.map((role) => [role, role])) as { readonly [R in RoleName]: R };
