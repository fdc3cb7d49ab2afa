import { hc, type ClientResponse } from 'hono/client';
import type { AppType } from '../../server/api/app';
import type { ApiErrorBody } from '../../server/api/env';
import { base64ToBytes, bytesToBase64 } from './base64';
import { AgentError } from './errors';
import { sendToBackground } from './messages';

/**
 * The typed API client. Requests are built by Hono's client from the server's own types (`AppType`, a type-only
 * import: no server code reaches the bundle), then each one crosses to the background as one message; the
 * background adds the address and the token, calls the agent, and the answer is rebuilt here as a Response.
 */
const PLACEHOLDER_ORIGIN = 'http://agente.invalid';
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

let actor = '';

/** Who acts, for the agent's audit trail (`X-Usuario`): the user's name once the panel knows it. */
export function setActor(name: string): void {
  actor = name;
}

/** `fetch` for the Hono client: the same Request, carried by the background. */
export async function relayFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const body = hasBody ? new Uint8Array(await request.arrayBuffer()) : undefined;
  const reply = await sendToBackground('agente:api', {
    method: request.method,
    path: url.pathname + url.search,
    headers: [...request.headers],
    ...(body && body.length > 0 ? { body: bytesToBase64(body) } : {}),
  });
  return new Response(NULL_BODY_STATUSES.has(reply.status) ? null : base64ToBytes(reply.body), { status: reply.status, statusText: reply.statusText, headers: reply.headers });
}

export const client = hc<AppType>(PLACEHOLDER_ORIGIN, {
  fetch: relayFetch,
  headers: (): Record<string, string> => (actor ? { 'X-Usuario': encodeURIComponent(actor) } : {}),
});

/** The JSON bodies a route declares, minus the `{error}` ones (validation failures), which `unwrap` throws. */
export type OkJson<R> = Exclude<R extends ClientResponse<infer T, number, string> ? T : never, ApiErrorBody>;

/**
 * The JSON of a successful answer, or the server's `{error:{code,message}}` as an AgentError.
 * @example
 * const state = await unwrap(client.api.v1.agent.$get());
 */
export async function unwrap<R extends ClientResponse<unknown, number, string>>(call: Promise<R>): Promise<OkJson<R>> {
  const response = await call;
  if (response.ok) return (await response.json()) as OkJson<R>;
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  throw new AgentError(body?.error?.code ?? 'HTTP_ERROR', body?.error?.message ?? `El agente respondió con el estado ${response.status}.`, response.status);
}
