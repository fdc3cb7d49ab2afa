import { base64ToBytes, bytesToBase64 } from './base64';
import { AgentError } from './errors';
import { isBackgroundMessage, type BackgroundMessage, type BackgroundProtocol, type ConnectInput, type ConnectResult, type ConnectionInfo, type Reply, type SerializedRequest, type SerializedResponse } from './messages';
import type { ConnectionSettings } from './storage';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface RelayDeps {
  fetch: FetchLike;
  settings: {
    read(): Promise<ConnectionSettings>;
    save(settings: ConnectionSettings): Promise<void>;
    clearToken(): Promise<void>;
  };
  /** Milliseconds before a call is given up (the agent is local: anything slower is a hung server). */
  timeoutMs?: number;
}

const API_PREFIX = '/api/v1/';

/**
 * The background's message listener: the only place that knows the server address and the token, and the only
 * one that calls the agent. Works with both callback-style (Chrome) and promise-style (Firefox, tests) messaging.
 */
export function createBackgroundListener(deps: RelayDeps) {
  return (message: unknown, _sender: unknown, sendResponse?: (reply: unknown) => void): true | Promise<Reply<unknown>> | undefined => {
    // onMessage only hears this extension's own pages and content scripts (other senders use onMessageExternal).
    if (!isBackgroundMessage(message)) return undefined;
    const reply = handle(deps, message).then(
      (value): Reply<unknown> => ({ ok: true, value }),
      (error: unknown): Reply<unknown> => {
        const failure = error instanceof AgentError ? error : new AgentError('UNEXPECTED', `Error inesperado en la extensión: ${String(error)}`);
        return { ok: false, error: { code: failure.code, message: failure.message } };
      },
    );
    if (typeof sendResponse === 'function') {
      void reply.then(sendResponse);
      return true;
    }
    return reply;
  };
}

async function handle(deps: RelayDeps, message: BackgroundMessage): Promise<BackgroundProtocol[BackgroundMessage['type']][1]> {
  switch (message.type) {
    case 'agente:api':
      return relayRequest(deps, message.data);
    case 'agente:connect':
      return connect(deps, message.data);
    case 'agente:connection':
      return connectionInfo(await deps.settings.read());
    case 'agente:disconnect':
      await deps.settings.clearToken();
      return connectionInfo(await deps.settings.read());
    default:
      throw new AgentError('UNKNOWN_MESSAGE', 'Mensaje desconocido para la extensión.');
  }
}

function connectionInfo(settings: ConnectionSettings): ConnectionInfo {
  return { configured: settings.token !== '', serverUrl: settings.serverUrl, companyNit: settings.companyNit };
}

/** Forwards one API call with the saved token; the answer goes back whole (status, headers, body). */
export async function relayRequest(deps: RelayDeps, request: SerializedRequest): Promise<SerializedResponse> {
  if (!request.path.startsWith(API_PREFIX)) throw new AgentError('BAD_PATH', `La extensión solo llama a ${API_PREFIX}…`);
  const settings = await deps.settings.read();
  if (!settings.token) throw new AgentError('NOT_CONFIGURED', 'Conecta la extensión con el agente: escribe su dirección y el código de acceso.');
  const headers = new Headers(request.headers);
  headers.set('Authorization', `Bearer ${settings.token}`);
  if (settings.companyNit && !headers.has('X-Empresa')) headers.set('X-Empresa', settings.companyNit);
  const response = await callAgent(deps, `${settings.serverUrl}${request.path}`, {
    method: request.method,
    headers,
    ...(request.body !== undefined ? { body: base64ToBytes(request.body) } : {}),
  });
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
    body: bytesToBase64(new Uint8Array(await response.arrayBuffer())),
  };
}

/**
 * The first-run check behind "Conectar": the address answers as the agent, then the token is accepted. Saves the
 * settings only when both hold, so a typo never replaces a working connection.
 */
export async function connect(deps: RelayDeps, input: ConnectInput): Promise<ConnectResult> {
  const serverUrl = normalizeServerUrl(input.serverUrl);
  const token = input.token.trim();
  const companyNit = (input.companyNit ?? '').replace(/\D/g, '');
  if (!token) throw new AgentError('EMPTY_TOKEN', 'Escribe el código de acceso que mostró el agente al iniciar.');

  const health = await callAgent(deps, `${serverUrl}/api/v1/health`, {});
  const identity = (await health.json().catch(() => null)) as { name?: string } | null;
  if (!health.ok || identity?.name !== 'agente-de-gastos') {
    throw new AgentError('NOT_AGENT', `${serverUrl} responde, pero no es el Agente de Gastos. Revisa la dirección y el puerto.`);
  }

  const me = await callAgent(deps, `${serverUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${token}`, ...(companyNit ? { 'X-Empresa': companyNit } : {}) } });
  const body = (await me.json().catch(() => null)) as { error?: { code?: string; message?: string }; user?: { name?: string }; company?: { name?: string } } | null;
  if (me.status === 401) {
    // A personal token that expired or was revoked: the agent says since when and what to do.
    if (body?.error?.code === 'TOKEN_EXPIRED' || body?.error?.code === 'TOKEN_REVOKED') throw new AgentError(body.error.code, body.error.message ?? 'El código de acceso ya no sirve.', 401);
    throw new AgentError('UNAUTHORIZED', 'El código de acceso no es válido. Copia el que mostró `npm start` la primera vez, o genera uno nuevo con `npx agente token` (revoca los anteriores).', 401);
  }
  const needsCompany = me.status === 409 && body?.error?.code === 'NO_COMPANY';
  if (!me.ok && !needsCompany) {
    throw new AgentError(body?.error?.code ?? 'HTTP_ERROR', body?.error?.message ?? `El agente respondió con el estado ${me.status}.`, me.status);
  }
  await deps.settings.save({ serverUrl, token, companyNit });
  return {
    serverUrl,
    needsCompany,
    ...(body?.user?.name ? { userName: body.user.name } : {}),
    ...(body?.company?.name ? { companyName: body.company.name } : {}),
  };
}

/** `127.0.0.1:8787/` → `http://127.0.0.1:8787`. Only the origin is kept: the API paths are the extension's. */
export function normalizeServerUrl(input: string): string {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    throw new AgentError('INVALID_URL', 'La dirección del agente no es válida: escribe algo como http://127.0.0.1:8787.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AgentError('INVALID_URL', 'La dirección del agente debe empezar por http:// o https://.');
  return url.origin;
}

async function callAgent(deps: RelayDeps, url: string, init: RequestInit): Promise<Response> {
  try {
    return await deps.fetch(url, { ...init, signal: AbortSignal.timeout(deps.timeoutMs ?? 60_000) });
  } catch {
    const origin = new URL(url).origin;
    throw new AgentError('UNREACHABLE', `No se pudo conectar con el agente en ${origin}. Verifica que esté en marcha (\`npm start\`) y que la dirección y el puerto sean correctos.`);
  }
}
