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

describe('attempts counted before the password is checked', () => {
  it('blocks parallel guesses past the limit, and takes a successful attempt back from the address', () => {
    let now = 1_000_000;
    const limiter = new LoginRateLimiter({ perUser: 3, perIp: 5, windowMs: 60_000 }, () => now);
    // Five guesses arrive at once: each is checked and counted before any password is verified.
    const allowed = Array.from({ length: 5 }, () => {
      const ok = limiter.check('alice', '10.0.0.1').allowed;
      if (ok) limiter.recordFailure('alice', '10.0.0.1');
      now += 1;
      return ok;
    });
    expect(allowed).toEqual([true, true, true, false, false]);
    // Another user from the same address logs in successfully: their attempt does not count against it.
    const at = limiter.recordFailure('bob', '10.0.0.1');
    limiter.recordSuccess('bob', '10.0.0.1', at);
    expect(limiter.check('carol', '10.0.0.1').allowed).toBe(true);
    limiter.recordFailure('carol', '10.0.0.1');
    limiter.recordFailure('carol', '10.0.0.1');
    expect(limiter.check('dave', '10.0.0.1').allowed).toBe(false);
  });
});
