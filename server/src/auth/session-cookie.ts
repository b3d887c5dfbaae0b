import type { FastifyReply, FastifyRequest } from 'fastify';

/** How the session cookie is sent. */
export interface SessionCookieSettings {
  readonly name: string;
  /** The Secure flag: on behind HTTPS, off for plain-HTTP localhost (a browser would not send it back). */
  readonly secure: boolean;
}

/**
 * The cookie's name: with Secure, the `__Host-` prefix makes the browser refuse it unless it is Secure, Path=/
 * and without Domain, so no sibling host can plant or shadow it.
 */
export function sessionCookieSettings(secure: boolean): SessionCookieSettings {
  return { name: secure ? '__Host-carbon_session' : 'carbon_session', secure };
}

function attributes(settings: SessionCookieSettings) {
  // httpOnly: page scripts (and so an XSS) cannot read it; Strict: no other site's page can make the browser
  // send it, which also answers cross-site request forgery.
  return { path: '/', httpOnly: true, sameSite: 'strict', secure: settings.secure } as const;
}

/** Sends a new session id; the cookie lives until the session's absolute expiry. */
export function setSessionCookie(
  reply: FastifyReply,
  settings: SessionCookieSettings,
  sessionId: string,
  expiresAt: number,
  now: number,
): void {
  void reply.setCookie(settings.name, sessionId, {
    ...attributes(settings),
    maxAge: Math.max(0, Math.floor((expiresAt - now) / 1000)),
  });
}

/** Tells the browser to drop the session cookie. */
export function clearSessionCookie(reply: FastifyReply, settings: SessionCookieSettings): void {
  void reply.clearCookie(settings.name, attributes(settings));
}

/** The session id in the request's cookie, if any. */
export function presentedSessionId(
  request: FastifyRequest,
  settings: SessionCookieSettings,
): string | undefined {
  const value = request.cookies[settings.name];
  return value === undefined || value === '' ? undefined : value;
}
