import {
  DEFAULT_APPROVAL_WINDOW_SECONDS,
  failedPrecondition,
  forbidden,
  type AccountRepresentatives,
  type Representative,
} from '@carbon-ets/contract';
import type { Context } from 'fabric-contract-api';
import {
  certificateIdentityOf,
  identityText,
  sameIdentity,
  type CertificateIdentity,
} from '../identity/certificate-identity';
import { ObjectType } from '../ledger/keys';
import type { Store } from '../ledger/store';
import type { Account } from '../registry/account';

/** An account's representatives as recorded, or none (the settings of an account nobody recorded any for). */
export async function loadRepresentatives(store: Store, accountId: string): Promise<AccountRepresentatives> {
  return (
    (await store.get<AccountRepresentatives>(ObjectType.representatives, [accountId])) ?? {
      accountId,
      representatives: [],
      approvalWindowSeconds: DEFAULT_APPROVAL_WINDOW_SECONDS,
    }
  );
}

/** The representative `who` is of an account, if any. */
export function representativeOf(
  settings: AccountRepresentatives,
  who: CertificateIdentity,
): Representative | undefined {
  return settings.representatives.find((representative) => sameIdentity(representative, who));
}

/** What a debit of an account may do: go ahead now, or wait for a second representative. */
export type RepresentationGate =
  | { readonly kind: 'execute' }
  | {
      readonly kind: 'propose';
      readonly settings: AccountRepresentatives;
      readonly proposer: CertificateIdentity;
    };

/**
 * The representatives rule alone, checked before anything is written: an account without representatives lets
 * any user of its entity act; once it has some, only its proposers and approvers may act for it (viewers and
 * other users of the entity are refused). Returns the settings and the caller, or nothing for an account
 * without representatives. Auction bids use it as is: a bid never waits for a second person.
 */
export async function requireActingRepresentative(
  ctx: Context,
  store: Store,
  account: Account,
  action: string,
): Promise<{ readonly settings: AccountRepresentatives; readonly caller: CertificateIdentity } | undefined> {
  const settings = await loadRepresentatives(store, account.id);
  if (settings.representatives.length === 0) return undefined;
  const caller = certificateIdentityOf(ctx);
  const representative = representativeOf(settings, caller);
  if (representative === undefined || representative.role === 'viewer') {
    throw forbidden(
      `${action}: account ${account.id} acts only through its proposer and approver representatives; ${identityText(caller)} is ${representative === undefined ? 'not one of its representatives' : 'a viewer'} (the regulator records representatives at the holder's request)`,
    );
  }
  return { settings, caller };
}

/**
 * The representation rule for a debit of `quantity` units from an enterprise account, checked before anything
 * is written. An account without representatives behaves as before. With representatives, only its proposers
 * and approvers may act for it (`requireActingRepresentative`); above the approval threshold an `approvable`
 * operation (transfer, surrender, order) becomes a proposal, any other (trade proposals and acceptances,
 * retirements) is refused, since it cannot wait for a second person.
 */
export async function representationGate(
  ctx: Context,
  store: Store,
  account: Account,
  quantity: number,
  action: string,
  approvable: boolean,
): Promise<RepresentationGate> {
  const acting = await requireActingRepresentative(ctx, store, account, action);
  if (acting === undefined) return { kind: 'execute' };
  const { settings, caller } = acting;
  const threshold = settings.approvalThreshold;
  if (threshold === undefined || quantity <= threshold) return { kind: 'execute' };
  if (!approvable) {
    throw failedPrecondition(
      `${action}: ${quantity} t is above account ${account.id}'s two-person approval threshold of ${threshold} t; only transfers, surrenders and orders can wait for a second representative, so this is refused`,
    );
  }
  return { kind: 'propose', settings, proposer: caller };
}
