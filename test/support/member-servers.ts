import { serverEndpoints, serverPaths } from '@carbon-ets/server';
import { readFileSync } from 'node:fs';

/** An HTTP answer of a member server: status, headers and the JSON body (or the text when it is not JSON). */
export interface HttpAnswer<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** A logged-in user of one org's member server, talking real HTTP to it. */
export interface MemberClient {
  readonly organization: string;
  readonly user: string;
  readonly url: string;
  /** The session cookie (`carbon_session=…`). */
  readonly cookie: string;
  request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<HttpAnswer<T>>;
  get<T = unknown>(path: string): Promise<HttpAnswer<T>>;
  post<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpAnswer<T>>;
  put<T = unknown>(path: string, body?: unknown): Promise<HttpAnswer<T>>;
}

/** The URL of an org's member server, from the topology. */
export function serverUrl(organization: string): string {
  const endpoint = serverEndpoints().find((candidate) => candidate.organization === organization);
  if (endpoint === undefined) throw new Error(`no member server for ${organization}`);
  return endpoint.url;
}

/** A demo user's initial password, from the 0600 file the servers wrote at their first start. */
export function demoPassword(organization: string, user: string): string {
  const line = readFileSync(serverPaths.passwords, 'utf8')
    .split('\n')
    .filter((text) => text.trim() !== '')
    .map((text) => JSON.parse(text) as { org: string; user: string; password: string })
    .filter((entry) => entry.org === organization && entry.user === user)
    // A server that lost its database makes new passwords and appends them: the last line is current.
    .at(-1);
  if (line === undefined) throw new Error(`no demo password for ${user} of ${organization}`);
  return line.password;
}

async function answerOf<T>(response: Response): Promise<HttpAnswer<T>> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, headers: response.headers, body: body as T };
}

/** Sends one request; a body that is a string is sent as is (so tests can send malformed JSON). */
export async function httpRequest<T = unknown>(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer<T>> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return answerOf<T>(response);
}

/** The newest block any client of this test file wrote (from the answers' `x-block-number`). */
let newestWrite = -1n;
/** The read-model height each server was last seen at. */
const heights = new Map<string, bigint>();

/**
 * Read-your-writes across orgs: a write committed through one org's peer reaches another org's peer a moment
 * later. Before a request, wait until this server's read model — which follows its own peer — has applied the
 * newest block this file wrote, so the peer behind it has committed it too.
 */
async function caughtUp(url: string): Promise<void> {
  if ((heights.get(url) ?? 0n) > newestWrite) return;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const answer = await fetch(`${url}/healthz`);
    const height = BigInt(((await answer.json()) as { readModelHeight: string }).readModelHeight);
    heights.set(url, height);
    if (height > newestWrite) return;
    if (Date.now() > deadline) throw new Error(`${url} did not reach block ${newestWrite} within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Notes the block of a committed write, for {@link caughtUp}. */
function noteWrite(headers: Headers): void {
  const block = headers.get('x-block-number');
  if (block !== null && BigInt(block) > newestWrite) newestWrite = BigInt(block);
}

/** Logs `user` into their org's member server with the demo password and returns a client with the cookie. */
export async function loginAs(organization: string, user: string): Promise<MemberClient> {
  const url = serverUrl(organization);
  const attempt = () =>
    fetch(`${url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user, password: demoPassword(organization, user) }),
    });
  let login = await attempt();
  // Logins of one user in parallel (a bench's many sessions) are asked to come back in a second: do as told.
  for (let retries = 0; login.status === 429 && retries < 10; retries++) {
    await new Promise((resolve) =>
      setTimeout(resolve, Number(login.headers.get('retry-after') ?? '1') * 1000),
    );
    login = await attempt();
  }
  if (login.status !== 200)
    throw new Error(`${user} could not log in to ${organization}: ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const request = async <T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    await caughtUp(url);
    const answer = await httpRequest<T>(url, method, path, body, { cookie, ...headers });
    noteWrite(answer.headers);
    return answer;
  };
  return {
    organization,
    user,
    url,
    cookie,
    request,
    get: (path) => request('GET', path),
    post: (path, body, headers) => request('POST', path, body ?? {}, headers),
    put: (path, body) => request('PUT', path, body ?? {}),
  };
}

/**
 * Leaves an instrument to manual clearing (`Market:Match` by the test itself): the regulator's market operator
 * would otherwise fill crossing orders as soon as they are placed.
 */
export async function clearManually(instrument: string): Promise<void> {
  const regulator = await loginAs('Regulator', 'regulator1');
  const answer = await regulator.put(`/api/v1/market/operator/instruments/${instrument}`, {
    clearing: 'manual',
  });
  if (answer.status !== 200)
    throw new Error(`could not set ${instrument} to manual clearing: ${JSON.stringify(answer.body)}`);
}
