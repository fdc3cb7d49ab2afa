import { storage } from 'wxt/utils/storage';

/** Where `npm start` listens unless told otherwise (`--port`, `AGENTE_PORT`). */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

/**
 * The connection to the local agent. Only the background reads the token: content scripts run inside Alegra's
 * page and never need it (they ask the background to make each call).
 */
export const serverUrlItem = storage.defineItem<string>('local:serverUrl', { fallback: DEFAULT_SERVER_URL });
export const apiTokenItem = storage.defineItem<string>('local:apiToken', { fallback: '' });
/** NIT of the company to work on when the server keeps several (sent as `X-Empresa`); empty = the only one. */
export const companyNitItem = storage.defineItem<string>('local:companyNit', { fallback: '' });

export interface ConnectionSettings {
  serverUrl: string;
  token: string;
  companyNit: string;
}

/** Reads the three settings at once. */
export async function readConnection(): Promise<ConnectionSettings> {
  const [serverUrl, token, companyNit] = await Promise.all([serverUrlItem.getValue(), apiTokenItem.getValue(), companyNitItem.getValue()]);
  return { serverUrl, token, companyNit };
}

export async function saveConnection(settings: ConnectionSettings): Promise<void> {
  await Promise.all([serverUrlItem.setValue(settings.serverUrl), apiTokenItem.setValue(settings.token), companyNitItem.setValue(settings.companyNit)]);
}

export async function clearToken(): Promise<void> {
  await apiTokenItem.removeValue();
}
