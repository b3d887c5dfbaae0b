import type { Role } from '@carbon-ets/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The user a request acts for: its name is also the Fabric identity the server submits as. */
export interface RequestUser {
  readonly name: string;
  /** The ledger role; absent for an admin-only account, which may manage users but not transact. */
  readonly role?: Role;
  /** The enterprise an operator or trader acts for. */
  readonly entity?: string;
  /** May register users. */
  readonly admin: boolean;
}

/** How a request was authenticated, and until when that credential is valid (epoch milliseconds). */
export type RequestCredential =
  | { readonly kind: 'session'; readonly expiresAt: number }
  | { readonly kind: 'token'; readonly tokenId: string; readonly expiresAt: number };

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated user (session cookie or bearer token), undefined for an anonymous request. */
    user: RequestUser | undefined;
    /** How {@link user} was authenticated. */
    credential: RequestCredential | undefined;
    /** Why a credential the request carried was refused: the 401's message. */
    authFailure: string | undefined;
    /** Whether the credential this request came with is still valid now (not logged out, revoked, expired). */
    stillAuthenticated(): boolean;
  }
}

const ANONYMOUS = 'log in (POST /api/v1/session), or send an API token as "Authorization: Bearer <token>"';

/** preHandler: 401 UNAUTHENTICATED unless the request carries a valid session or API token. */
export async function requireUser(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | undefined> {
  if (request.user !== undefined) return undefined;
  return reply.code(401).send({ code: 'UNAUTHENTICATED', message: request.authFailure ?? ANONYMOUS });
}

/** preHandler: as {@link requireUser}, then 403 FORBIDDEN unless the user is the org's admin. */
export async function requireAdmin(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | undefined> {
  if (request.user === undefined) return requireUser(request, reply);
  if (request.user.admin) return undefined;
  return reply.code(403).send({ code: 'FORBIDDEN', message: "only the org's admin may do this" });
}

/** The request's user, in a handler behind {@link requireUser} or {@link requireAdmin}; throws when anonymous. */
export function currentUser(request: FastifyRequest): RequestUser {
  if (request.user === undefined)
    throw new Error(`${request.url} serves only authenticated requests (requireUser)`);
  return request.user;
}
