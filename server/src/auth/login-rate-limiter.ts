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

  /** Attempts whose password is being checked right now, per key: they count against the limit until settled. */
  private readonly inFlight = new Map<string, number>();

  /** Whether a login by this user name from this address may be tried now, and if not, for how long not. */
  check(userName: string, ip: string): LoginAllowance {
    const keys = [
      { key: `u:${userName}`, limit: this.limits.perUser },
      { key: `i:${ip}`, limit: this.limits.perIp },
    ];
    const waits = keys.map(({ key, limit }) => this.wait(key, limit)).filter((ms) => ms > 0);
    // Attempts still being checked may yet succeed: ask to come back in a second, not a whole window.
    const busy = keys.some(
      ({ key, limit }) => this.recent(key).length + (this.inFlight.get(key) ?? 0) >= limit,
    );
    if (waits.length === 0 && !busy) return { allowed: true };
    if (waits.length === 0) return { allowed: false, retryAfterSeconds: 1 };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits) / 1000)) };
  }

  /**
   * Starts an attempt (after {@link check} allowed it): it counts against both limits while its password is
   * checked, so guesses sent in parallel cannot all pass {@link check} before any is settled. Settle it with the
   * returned function: `true` for a right password (the user name's failures are forgotten), `false` to record
   * a failure.
   */
  begin(userName: string, ip: string): (succeeded: boolean) => void {
    const keys = [`u:${userName}`, `i:${ip}`];
    for (const key of keys) this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    return (succeeded) => {
      for (const key of keys) {
        const left = (this.inFlight.get(key) ?? 1) - 1;
        if (left <= 0) this.inFlight.delete(key);
        else this.inFlight.set(key, left);
      }
      if (succeeded) this.recordSuccess(userName);
      else this.recordFailure(userName, ip);
    };
  }

  /** Records a failed login; returns its time. */
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
  recordSuccess(userName: string): void {
    this.failures.delete(`u:${userName}`);
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
