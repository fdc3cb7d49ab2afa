import { setTimeout as delay } from 'node:timers/promises';
import { AlegraError, errorForStatus } from './alegra-error';
import { remoteId } from './alegra-values';

/** Alegra's production API (https://developer.alegra.com). */
export const ALEGRA_API_URL = 'https://api.alegra.com/api/v1';

/** List endpoints return at most 30 records per page (alegra-cli `MaxPageLimit`). */
export const ALEGRA_PAGE_SIZE = 30;

export interface AlegraClientOptions {
  baseUrl: string;
  email: string;
  token: string;
  /** One request's time budget; a write that runs out has an unknown outcome. */
  timeoutMs?: number;
  /** Retries of one request after 429, 5xx or a network failure (reads and PUT/DELETE only for 5xx/network). */
  maxRetries?: number;
  /** First backoff after a 5xx or network failure; doubles each time. */
  backoffMs?: number;
  /** Longest the client waits for Alegra's rate-limit window inside one call; beyond it the call fails as retryable. */
  maxRateLimitWaitMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** A `multipart/form-data` body (attachments); fetch writes its boundary. */
  form?: FormData;
}

/** Where Alegra's per-user quota stands, from the `X-Rate-Limit-*` headers of the last response. */
export interface RateLimitState {
  limit?: number;
  remaining?: number;
  /** Epoch ms when the current window ends. */
  resetAt?: number;
}

const SAFE_TO_REPEAT = new Set(['GET', 'PUT', 'DELETE']);

/**
 * HTTP client for Alegra's REST API: Basic authentication with the user's e-mail and API token, JSON in and out,
 * and the API's published limits honoured (150 requests per minute per user, announced in `X-Rate-Limit-Limit`,
 * `X-Rate-Limit-Remaining` and `X-Rate-Limit-Reset` on every response, 429 past it:
 * https://developer.alegra.com/reference/límite-de-request).
 *
 * Policy: when the window is spent the client waits for its reset before sending; a 429 is waited out and sent
 * again (Alegra refused it before doing anything, so even a POST is safe to repeat); 5xx and network failures are
 * retried with exponential backoff only for GET/PUT/DELETE. A POST that times out, loses its connection or gets a
 * 5xx is never repeated here: it fails with `outcomeUnknown`, and the caller looks in Alegra before writing again.
 */
export class AlegraClient {
  readonly baseUrl: string;
  readonly rateLimit: RateLimitState = {};
  private readonly authorization: string;
  private readonly options: Required<Pick<AlegraClientOptions, 'timeoutMs' | 'maxRetries' | 'backoffMs' | 'maxRateLimitWaitMs'>>;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(options: AlegraClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.authorization = `Basic ${Buffer.from(`${options.email}:${options.token}`, 'utf8').toString('base64')}`;
    this.options = {
      timeoutMs: options.timeoutMs ?? 20_000,
      maxRetries: options.maxRetries ?? 3,
      backoffMs: options.backoffMs ?? 500,
      maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? 65_000,
    };
    this.fetchImpl = options.fetch ?? fetch;
    this.sleep = options.sleep ?? ((ms) => delay(ms));
    this.now = options.now ?? Date.now;
  }

  get<T = unknown>(path: string, query?: RequestOptions['query']): Promise<T> {
    return this.request<T>('GET', path, query ? { query } : {});
  }

  post<T = unknown>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, { body });
  }

  /** POST as `multipart/form-data` (Alegra's attachment endpoints take one file field named `file`). */
  postForm<T = unknown>(path: string, form: FormData): Promise<T> {
    return this.request<T>('POST', path, { form });
  }

  put<T = unknown>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, { body });
  }

  /**
   * One request with the rate-limit and retry policy above.
   * @throws AlegraError
   */
  async request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const url = this.url(path, options.query);
    const repeatable = SAFE_TO_REPEAT.has(method);
    let attempt = 0;
    for (;;) {
      await this.waitForWindow();
      let response: Response;
      try {
        response = await this.fetchImpl(url, {
          method,
          headers: {
            Authorization: this.authorization,
            Accept: 'application/json',
            ...(options.body !== undefined && !options.form ? { 'Content-Type': 'application/json' } : {}),
          },
          ...(options.form ? { body: options.form } : options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
      } catch (error) {
        const failure = transportError(error, this.options.timeoutMs, !repeatable);
        if (repeatable && attempt < this.options.maxRetries) {
          await this.sleep(this.backoff(attempt++));
          continue;
        }
        throw failure;
      }
      this.observe(response.headers);
      const body = await readBody(response, !repeatable).catch((error: unknown) => {
        throw transportError(error, this.options.timeoutMs, !repeatable);
      });
      if (response.ok) return body as T;

      if (response.status === 429) {
        const waitMs = this.retryAfterMs(response.headers);
        if (attempt < this.options.maxRetries && waitMs <= this.options.maxRateLimitWaitMs) {
          attempt++;
          await this.sleep(waitMs);
          continue;
        }
        throw errorForStatus(429, body, waitMs);
      }
      const error = errorForStatus(response.status, body);
      if (response.status >= 500 && repeatable && attempt < this.options.maxRetries) {
        await this.sleep(this.backoff(attempt++));
        continue;
      }
      if (response.status >= 500 && repeatable) throw new AlegraError(error.kind, error.message, { ...error.details, outcomeUnknown: false });
      throw error;
    }
  }

  /**
   * Every page of a list endpoint, 30 records at a time (`start`/`limit`), asking for `metadata=true` so the total
   * is known when Alegra gives it. Accepts the shapes Alegra uses for lists: a bare array, `{metadata, data}`,
   * `{total, results}`. Stops at a short page, at the announced total, or when a page repeats the previous one
   * (an endpoint that ignores `start` would otherwise loop for ever).
   */
  async *pages(path: string, query: RequestOptions['query'] = {}): AsyncGenerator<unknown[]> {
    let start = 0;
    let previous = '';
    for (let page = 0; page < 100_000; page++) {
      const body = await this.get(path, { ...query, start, limit: ALEGRA_PAGE_SIZE, metadata: 'true' });
      const { records, total } = listOf(body);
      const signature = records.map((r) => remoteId((r as { id?: unknown } | null)?.id) ?? '').join(',');
      if (records.length > 0 && signature === previous) return;
      previous = signature;
      if (records.length > 0) yield records;
      start += records.length;
      if (records.length < ALEGRA_PAGE_SIZE || (total !== undefined && start >= total)) return;
    }
  }

  private url(path: string, query: RequestOptions['query']): string {
    const url = new URL(`${this.baseUrl}/${path.replace(/^\/+/, '')}`);
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    return url.toString();
  }

  private observe(headers: Headers): void {
    const limit = intHeader(headers, 'x-rate-limit-limit');
    const remaining = intHeader(headers, 'x-rate-limit-remaining');
    const reset = intHeader(headers, 'x-rate-limit-reset');
    if (limit !== undefined) this.rateLimit.limit = limit;
    if (remaining !== undefined) this.rateLimit.remaining = remaining;
    if (reset !== undefined) this.rateLimit.resetAt = this.now() + reset * 1000;
  }

  /** The window is spent: wait for it to reset rather than collect a 429. */
  private async waitForWindow(): Promise<void> {
    const { remaining, resetAt } = this.rateLimit;
    if (remaining === undefined || remaining > 0 || resetAt === undefined) return;
    const waitMs = resetAt - this.now();
    if (waitMs <= 0) return;
    if (waitMs > this.options.maxRateLimitWaitMs) {
      throw new AlegraError('rate_limit', 'Alegra pidió esperar: se superó el límite de solicitudes por minuto. Se reintentará automáticamente.', { status: 429, retryAfterMs: waitMs });
    }
    await this.sleep(waitMs);
    this.rateLimit.remaining = undefined;
  }

  /** `Retry-After` if sent, else `X-Rate-Limit-Reset` (seconds left in the window), else one second. */
  private retryAfterMs(headers: Headers): number {
    const retryAfter = intHeader(headers, 'retry-after');
    const reset = intHeader(headers, 'x-rate-limit-reset');
    const seconds = retryAfter ?? reset ?? 1;
    return Math.max(seconds, 1) * 1000;
  }

  private backoff(attempt: number): number {
    return Math.min(this.options.backoffMs * 2 ** attempt, 30_000);
  }
}

/** The records and (when announced) the total of a list response. */
export function listOf(body: unknown): { records: unknown[]; total?: number } {
  if (Array.isArray(body)) return { records: body };
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    const records = [record.data, record.results, record.rows].find(Array.isArray) as unknown[] | undefined;
    const rawTotal = (record.metadata as { total?: unknown } | undefined)?.total ?? record.total;
    const total = rawTotal === undefined ? undefined : Number(rawTotal);
    return { records: records ?? [], ...(total !== undefined && Number.isFinite(total) ? { total } : {}) };
  }
  return { records: [] };
}

async function readBody(response: Response, write: boolean): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    if (response.ok) {
      throw new AlegraError('server', 'Alegra respondió algo que no es JSON.', { status: response.status, outcomeUnknown: write });
    }
    return { message: text.slice(0, 300) };
  }
}

function transportError(error: unknown, timeoutMs: number, write: boolean): AlegraError {
  if (error instanceof AlegraError) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new AlegraError('timeout', `Alegra no respondió en ${Math.round(timeoutMs / 1000)} s. Se reintentará automáticamente.`, { outcomeUnknown: write });
  }
  const cause = (error as { cause?: { code?: string } } | null)?.cause?.code;
  return new AlegraError('network', `No se pudo conectar con Alegra${cause ? ` (${cause})` : ''}. Revisa la conexión a internet; se reintentará solo.`, { outcomeUnknown: write });
}

function intHeader(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value.trim());
  return Number.isFinite(number) ? Math.max(0, Math.floor(number)) : undefined;
}
