import type { CompanyCredential, DianEnvironment } from '../ports';
import { DIAN_ENDPOINTS, soapAction, type DianMethod } from './endpoints';
import { parseSoapBody } from './dian-response';
import { signedEnvelope } from './ws-security';

/**
 * One SOAP call to DIAN with timeouts and retries. What is retried and what is not:
 * - retried, with exponential backoff: network failures (refused, reset, DNS), timeouts, HTTP 502/503/504, and a
 *   500 whose body is not a SOAP Fault (a load balancer or IIS error page);
 * - never retried: any answer DIAN actually gave — a `DianResponse` (accepted or rejected, even StatusCode 99) or a
 *   SOAP Fault (WCF refusing the envelope or its signature: sending it again would be refused again).
 * Each attempt is signed afresh, so its Timestamp is current.
 */

export type FetchLike = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

export interface DianClientOptions {
  /** Replaces DIAN's host for every environment (tests, a proxy). The path is kept as given. */
  baseUrl?: string;
  fetch?: FetchLike;
  /** Extra attempts after the first, on transient failures only (default 3). */
  retries?: number;
  /** Wait before the first retry; doubles each time, with ±20 % jitter (default 1 s). */
  backoffMs?: number;
  /** Longest wait for one answer (default 60 s: DIAN validates synchronously and is slow at month end). */
  timeoutMs?: number;
  /** Adds the Timestamp to the WS-Security signature (see ws-security.ts; off by default). */
  signTimestamp?: boolean;
  /** For tests: how to wait between attempts. */
  sleep?: (ms: number) => Promise<void>;
}

export type DianServiceErrorCode = 'NETWORK' | 'TIMEOUT' | 'HTTP' | 'SOAP_FAULT' | 'BAD_RESPONSE' | 'CERTIFICATE' | 'WRONG_ENVIRONMENT';

/** A call that did not bring a DianResponse. `retryable` says whether a later attempt (or a later run) may succeed. */
export class DianServiceError extends Error {
  override readonly name = 'DianServiceError';
  constructor(
    readonly code: DianServiceErrorCode,
    message: string,
    readonly retryable: boolean,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface SoapCall {
  method: DianMethod;
  environment: DianEnvironment;
  body: string;
  credential: CompanyCredential;
  /** An overall deadline for this call, retries and waits included (see SendOptions in ../ports). */
  signal?: AbortSignal;
}

/** Sends one call; resolves with the method's `DianResponse` element (parsed) or throws DianServiceError. */
export function createSoapCaller(options: DianClientOptions = {}) {
  const doFetch: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const retries = Math.max(0, options.retries ?? 3);
  const backoffMs = options.backoffMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  return async function call(request: SoapCall): Promise<Record<string, unknown>> {
    const url = options.baseUrl ?? DIAN_ENDPOINTS[request.environment];
    let last: DianServiceError | undefined;
    for (let attempt = 1; attempt <= retries + 1; attempt++) {
      if (attempt > 1) await abortable(sleep(jitter(backoffMs * 2 ** (attempt - 2))), request.signal);
      if (request.signal?.aborted) break;
      try {
        return await attemptOnce(doFetch, url, request, attempt, timeoutMs, options.signTimestamp ?? false);
      } catch (error) {
        if (!(error instanceof DianServiceError)) throw error;
        last = error;
        if (!error.retryable) throw error;
        if (request.signal?.aborted) break;
      }
    }
    if (request.signal?.aborted) throw gaveUp(request.signal, last);
    throw new DianServiceError(last!.code, `${last!.message} Se intentó ${retries + 1} veces; se reintentará más tarde.`, true, retries + 1, { cause: last });
  };
}

async function attemptOnce(doFetch: FetchLike, url: string, request: SoapCall, attempt: number, timeoutMs: number, signTimestamp: boolean): Promise<Record<string, unknown>> {
  let envelope: string;
  try {
    envelope = signedEnvelope({ method: request.method, to: url, body: request.body, credential: request.credential, signTimestamp });
  } catch (error) {
    throw new DianServiceError('CERTIFICATE', `No se pudo firmar la solicitud a la DIAN con el certificado de la empresa: ${(error as Error).message}`, false, attempt, { cause: error });
  }
  let status: number;
  let text: string;
  const deadline = attemptDeadline(timeoutMs, request.signal);
  try {
    const response = await doFetch(url, {
      method: 'POST',
      headers: { 'Content-Type': `application/soap+xml; charset=utf-8; action="${soapAction(request.method)}"` },
      body: envelope,
      signal: deadline.signal,
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    const name = (error as Error).name;
    if (request.signal?.aborted) throw gaveUp(request.signal, undefined, attempt);
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new DianServiceError('TIMEOUT', `La DIAN no respondió en ${Math.round(timeoutMs / 1000)} segundos.`, true, attempt, { cause: error });
    }
    const reason = describeNetworkError(error);
    throw new DianServiceError('NETWORK', `No se pudo conectar con el servicio de la DIAN (${reason}).`, true, attempt, { cause: error });
  } finally {
    deadline.clear();
  }

  let parsed: ReturnType<typeof parseSoapBody> | undefined;
  let parseError: Error | undefined;
  try {
    parsed = parseSoapBody(text, request.method);
  } catch (error) {
    parseError = error as Error;
  }
  if (parsed?.kind === 'fault') {
    const { fault } = parsed;
    const detail = [fault.subcode, fault.reason].filter(Boolean).join(': ');
    throw new DianServiceError('SOAP_FAULT', `La DIAN rechazó la solicitud antes de leer el documento (${detail || `HTTP ${status}`}). Revisa el certificado de la empresa y el ambiente elegido.`, false, attempt);
  }
  if (status >= 200 && status < 300 && parsed?.kind === 'result') return parsed.result;
  if (status === 500 || status === 502 || status === 503 || status === 504) {
    throw new DianServiceError('HTTP', `El servicio de la DIAN no está disponible ahora (HTTP ${status}).`, true, attempt);
  }
  if (status < 200 || status >= 300) {
    throw new DianServiceError('HTTP', `El servicio de la DIAN respondió con un error HTTP ${status}.`, false, attempt);
  }
  throw new DianServiceError('BAD_RESPONSE', `La respuesta de la DIAN no se pudo leer: ${parseError?.message ?? 'forma desconocida'}`, false, attempt, { cause: parseError });
}

/**
 * One attempt's signal: aborts after `timeoutMs` (a TimeoutError) or when the caller's `outer` signal does (with its
 * reason). A plain timer and controller on purpose, not `AbortSignal.any([AbortSignal.timeout(ms), outer])`: Node
 * may garbage-collect a timeout signal that only a composite signal holds, and then it never fires
 * (nodejs/node#57736). A 1 s attempt then waited for the person's 20 s deadline. `clear` stops the timer and
 * unhooks the caller's signal once the attempt is over, so nothing lingers between attempts.
 */
function attemptDeadline(timeoutMs: number, outer: AbortSignal | undefined): { signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`La DIAN no respondió en ${timeoutMs} ms.`, 'TimeoutError')), timeoutMs);
  const follow = () => controller.abort(outer!.reason);
  if (outer?.aborted) follow();
  else outer?.addEventListener('abort', follow, { once: true });
  return {
    signal: controller.signal,
    clear() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', follow);
    },
  };
}

/**
 * The caller's deadline passed (a person stopped waiting). Retryable: nothing says DIAN will not answer later, and
 * the event stays pending. The reason given to AbortSignal (a Spanish sentence) is the message.
 */
function gaveUp(signal: AbortSignal, last: DianServiceError | undefined, attempts = last?.attempts ?? 0): DianServiceError {
  const reason = signal.reason instanceof Error && signal.reason.name !== 'AbortError' && signal.reason.name !== 'TimeoutError' ? signal.reason.message : 'La DIAN no respondió a tiempo.';
  return new DianServiceError('TIMEOUT', reason, true, attempts, { cause: last ?? signal.reason });
}

/** Waits for `promise`, or until `signal` fires (whichever first); never rejects. */
async function abortable(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise;
  if (signal.aborted) return;
  let onAbort = () => {};
  const aborted = new Promise<void>((resolve) => {
    onAbort = () => resolve();
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([promise, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code;
  if (code === 'ECONNREFUSED') return 'conexión rechazada';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'la conexión se cortó';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'no se encontró el servidor; revisa la conexión a internet';
  if (code && /CERT|TLS|SSL/i.test(code)) return `problema con el certificado TLS del servidor: ${code}`;
  return cause?.message ?? (error as Error).message ?? 'error de red';
}

function jitter(ms: number): number {
  return Math.round(ms * (0.8 + Math.random() * 0.4));
}
