/** Limits of {@link LoginRateLimiter}. */
export interface LoginRateLimits {
  /** Failed logins allowed per user name within the window. */
  readonly perUser: number;
  /** Failed logins allowed per client IP within the window (higher: an office may share one address). */
  readonly perIp: number;
  readonly windowMs: number;
}

/** 5 failures per user name and 20 per client address in 15 minutes. */
export const DEFAULT_LOGIN_RATE_LIMITS: LoginRateLimits = { perUser: 5, perIp: 20, windowMs: 15 * 60_000 };

/** The verdict on a login attempt. */
export type LoginAllowance =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

// Bounds memory under a spray of made-up user names: past this many keys, stale ones are swept first.
const MAX_KEYS = 10_000;

/**
 * Counts failed logins in memory, per user name and per client IP, in a sliding window. A blocked attempt is
 * refused before the password is checked, so guessing on stops costing the server scrypt time. Unknown user
 * names are counted like known ones, so that being limited reveals nothing about which names exist.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly limits: LoginRateLimits = DEFAULT_LOGIN_RATE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a login by this user name from this address may be tried now, and if not, for how long not. */
  check(userName: string, ip: string): LoginAllowance {
    const waits = [
      this.wait(`u:${userName}`, this.limits.perUser),
      this.wait(`i:${ip}`, this.limits.perIp),
    ].filter((ms) => ms > 0);
    if (waits.length === 0) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits) / 1000)) };
  }

  /**
   * Records a login attempt as failed, before its password is checked: attempts sent in parallel are each
   * counted before any of them spends scrypt time, so they cannot all slip past {@link check}. Returns the
   * attempt's time, which {@link recordSuccess} takes back if the password was right.
   */
  recordFailure(userName: string, ip: string): number {
    if (this.failures.size >= MAX_KEYS) this.sweep();
    const at = this.now();
    for (const key of [`u:${userName}`, `i:${ip}`]) {
      const times = this.recent(key);
      times.push(at);
      // Only the newest `limit` failures decide anything.
      this.failures.set(key, times.slice(-Math.max(this.limits.perUser, this.limits.perIp)));
    }
    return at;
  }

  /**
   * Forgets the user name's failures after a successful login. The address's failures stay: otherwise one valid
   * account would let an attacker reset its address's count between guesses at others.
   */
  recordSuccess(userName: string, ip?: string, attemptAt?: number): void {
    this.failures.delete(`u:${userName}`);
    if (ip === undefined || attemptAt === undefined) return;
    // The successful attempt itself was counted in advance: only that one is taken back from the address.
    const times = this.failures.get(`i:${ip}`) ?? [];
    const index = times.lastIndexOf(attemptAt);
    if (index >= 0) times.splice(index, 1);
  }

  /** Milliseconds until the key is below its limit again (0 when it is). */
  private wait(key: string, limit: number): number {
    const times = this.recent(key);
    if (times.length < limit) return 0;
    const oldestCounted = times[times.length - limit] ?? this.now();
    return oldestCounted + this.limits.windowMs - this.now();
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    return (this.failures.get(key) ?? []).filter((time) => time > since);
  }

  private sweep(): void {
    for (const key of [...this.failures.keys()]) {
      const times = this.recent(key);
      if (times.length === 0) this.failures.delete(key);
      else this.failures.set(key, times);
    }
    // Still full of live keys: drop the oldest inserted rather than grow without bound.
    for (const key of this.failures.keys()) {
      if (this.failures.size < MAX_KEYS) break;
      this.failures.delete(key);
    }
  }
}
