import { LoginRateLimiter } from './login-rate-limiter';

describe('LoginRateLimiter', () => {
  let now = 1_000_000;
  const limiter = () => new LoginRateLimiter({ perUser: 5, perIp: 20, windowMs: 15 * 60_000 }, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('blocks a user name after 5 failures for the rest of the window', () => {
    const limits = limiter();
    for (let i = 0; i < 5; i++) {
      expect(limits.check('trader1', `10.0.0.${i}`)).toEqual({ allowed: true });
      limits.recordFailure('trader1', `10.0.0.${i}`);
      now += 1000;
    }
    expect(limits.check('trader1', '10.0.0.99')).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 - 5 });
    expect(limits.check('trader2', '10.0.0.99')).toEqual({ allowed: true });
    now += 15 * 60_000 - 5000;
    expect(limits.check('trader1', '10.0.0.99')).toEqual({ allowed: true });
  });

  it('blocks a client address after 20 failures, whatever names it tries', () => {
    const limits = limiter();
    for (let i = 0; i < 20; i++) limits.recordFailure(`guess${i}`, '10.0.0.1');
    expect(limits.check('someone', '10.0.0.1').allowed).toBe(false);
    expect(limits.check('someone', '10.0.0.2').allowed).toBe(true);
  });

  it("forgets a user name's failures after a success, but not its address's", () => {
    const limits = new LoginRateLimiter({ perUser: 2, perIp: 3, windowMs: 60_000 }, () => now);
    limits.recordFailure('trader1', '10.0.0.1');
    limits.recordFailure('trader1', '10.0.0.1');
    expect(limits.check('trader1', '10.0.0.2').allowed).toBe(false);
    limits.recordSuccess('trader1');
    expect(limits.check('trader1', '10.0.0.2').allowed).toBe(true);
    limits.recordFailure('other', '10.0.0.1');
    expect(limits.check('trader1', '10.0.0.1').allowed).toBe(false);
  });
});

describe('attempts counted while the password is checked', () => {
  it('blocks parallel guesses past the limit for a second, and lets the same user log in again once they settle', () => {
    const now = 1_000_000;
    const limiter = new LoginRateLimiter({ perUser: 3, perIp: 20, windowMs: 60_000 }, () => now);
    // Five attempts arrive at once: three are let through to the password check, two are told to retry soon.
    const outcomes = Array.from({ length: 5 }, () => {
      const allowance = limiter.check('alice', '10.0.0.1');
      return allowance.allowed ? limiter.begin('alice', '10.0.0.1') : allowance.retryAfterSeconds;
    });
    expect(outcomes.filter((outcome) => typeof outcome === 'function')).toHaveLength(3);
    expect(outcomes.filter((outcome) => outcome === 1)).toHaveLength(2);
    // They were the real user's: the first success forgets the user name's failures.
    for (const outcome of outcomes) if (typeof outcome === 'function') outcome(true);
    expect(limiter.check('alice', '10.0.0.1').allowed).toBe(true);
  });

  it('counts settled wrong passwords as failures for the whole window', () => {
    const now = 1_000_000;
    const limiter = new LoginRateLimiter({ perUser: 3, perIp: 20, windowMs: 60_000 }, () => now);
    for (let n = 0; n < 3; n++) limiter.begin('bob', '10.0.0.2')(false);
    expect(limiter.check('bob', '10.0.0.2')).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });
});
