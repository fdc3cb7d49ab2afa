import { browser } from 'wxt/browser';
import { AgentError } from './errors';

/** An HTTP request to the agent, serialized for the message channel (which only carries JSON). */
export interface SerializedRequest {
  method: string;
  /** Path and query under the server, always `/api/v1/…`. */
  path: string;
  headers: [string, string][];
  /** Body bytes as base64 (multipart uploads included); absent for GET. */
  body?: string;
}

export interface SerializedResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  /** Body bytes as base64. */
  body: string;
}

export interface ConnectInput {
  serverUrl: string;
  token: string;
  companyNit?: string;
}

export interface ConnectResult {
  serverUrl: string;
  /** The server has no company yet: the panel shows the company form next. */
  needsCompany: boolean;
  userName?: string;
  companyName?: string;
}

export interface ConnectionInfo {
  /** A token is saved (whether it still works is only known by calling the server). */
  configured: boolean;
  serverUrl: string;
  companyNit: string;
}

/** Every message the background answers: type → [data sent, value answered]. */
export interface BackgroundProtocol {
  'agente:api': [SerializedRequest, SerializedResponse];
  'agente:connect': [ConnectInput, ConnectResult];
  'agente:connection': [null, ConnectionInfo];
  'agente:disconnect': [null, ConnectionInfo];
}

export type BackgroundMessageType = keyof BackgroundProtocol;

export type BackgroundMessage = { [K in BackgroundMessageType]: { type: K; data: BackgroundProtocol[K][0] } }[BackgroundMessageType];

/** Messages a tab's content script answers (sent by the popup). */
export interface TabProtocol {
  'agente:open-panel': [null, { opened: boolean }];
}

/** Answers carry errors as data: an exception thrown in the background does not survive the message channel. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export function isBackgroundMessage(message: unknown): message is BackgroundMessage {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string' && (message as { type: string }).type.startsWith('agente:');
}

/**
 * Sends one typed message to the background and returns its value, or throws the AgentError it answered.
 * @example
 * const info = await sendToBackground('agente:connection', null);
 */
export async function sendToBackground<K extends BackgroundMessageType>(type: K, data: BackgroundProtocol[K][0]): Promise<BackgroundProtocol[K][1]> {
  let reply: Reply<BackgroundProtocol[K][1]> | undefined;
  try {
    reply = (await browser.runtime.sendMessage({ type, data })) as Reply<BackgroundProtocol[K][1]> | undefined;
  } catch {
    // The usual cause: the extension was updated or reloaded and this page still runs the old content script.
    throw new AgentError('EXTENSION_UNAVAILABLE', 'No se pudo hablar con la extensión. Recarga la página de Alegra e inténtalo de nuevo.');
  }
  if (!reply) throw new AgentError('EXTENSION_UNAVAILABLE', 'La extensión no respondió. Recarga la página de Alegra e inténtalo de nuevo.');
  if (!reply.ok) throw new AgentError(reply.error.code, reply.error.message);
  return reply.value;
}
