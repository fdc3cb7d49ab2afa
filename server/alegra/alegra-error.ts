/**
 * What can go wrong talking to Alegra, sorted by what the agent does about it. Each kind carries a Spanish message
 * for the person (the panel, the CLI) and whether trying again later can help.
 *
 * - `auth` 401, `plan` 402, `forbidden` 403: the connection itself is wrong; nothing bill-specific to retry.
 * - `validation` 400/422 (and other 4xx): Alegra refused this request; its own message is kept.
 * - `not_found` 404.
 * - `rate_limit` 429 past the waiting budget, `server` 5xx, `timeout`, `network`: transient, retried later.
 *
 * `outcomeUnknown` marks a write (POST) whose effect is unknown (timed out, connection lost, 5xx): Alegra may have
 * created the record anyway, so the caller must look before writing again.
 */
export type AlegraErrorKind = 'auth' | 'plan' | 'forbidden' | 'validation' | 'not_found' | 'rate_limit' | 'server' | 'timeout' | 'network';

export class AlegraError extends Error {
  override readonly name = 'AlegraError';

  constructor(
    readonly kind: AlegraErrorKind,
    message: string,
    readonly details: {
      status?: number;
      /** Alegra's own `code` and `message`, as sent. */
      alegraCode?: string;
      alegraMessage?: string;
      outcomeUnknown?: boolean;
      /** For rate limits: how long Alegra asked to wait. */
      retryAfterMs?: number;
      /**
       * The error response's body as Alegra sent it. A failed create may still carry the record Alegra made
       * (developer.alegra.com, create_bill: error 3051 «puede ir error + bill parcial»): the caller keeps its id.
       */
      body?: unknown;
    } = {},
  ) {
    super(message);
  }

  /** Trying again later may succeed. */
  get retryable(): boolean {
    return this.kind === 'rate_limit' || this.kind === 'server' || this.kind === 'timeout' || this.kind === 'network';
  }

  /** The connection (credentials, plan, role) is the problem, not the request. */
  get connectionProblem(): boolean {
    return this.kind === 'auth' || this.kind === 'plan' || this.kind === 'forbidden';
  }
}

/** Alegra's error body: `{message, code}`, sometimes wrapped as `{error: {message, code}}` (alegra-cli `errors.go`). */
export function parseErrorBody(body: unknown): { message?: string; code?: string } {
  const pick = (value: unknown) => {
    if (!value || typeof value !== 'object') return undefined;
    const record = value as Record<string, unknown>;
    const message = typeof record.message === 'string' ? record.message.trim() : undefined;
    const code = typeof record.code === 'string' || typeof record.code === 'number' ? String(record.code) : undefined;
    return message || code ? { ...(message ? { message } : {}), ...(code ? { code } : {}) } : undefined;
  };
  return pick(body) ?? pick((body as { error?: unknown } | null)?.error) ?? {};
}

/** The error for an HTTP status from Alegra, in Spanish, with Alegra's own message kept beside it. */
export function errorForStatus(status: number, body: unknown, retryAfterMs?: number): AlegraError {
  const { message, code } = parseErrorBody(body);
  const said = message ? `: «${message}»${code ? ` (código ${code})` : ''}` : code ? ` (código ${code})` : '';
  const details = { status, ...(code ? { alegraCode: code } : {}), ...(message ? { alegraMessage: message } : {}), ...(body !== undefined ? { body } : {}) };
  switch (status) {
    case 401:
      return new AlegraError('auth', 'Alegra no aceptó el correo y el token de la API. Revisa que el correo sea el del usuario de Alegra y copia de nuevo el token desde Configuración › Integraciones › API de Alegra.', details);
    case 402:
      return new AlegraError('plan', 'El plan de esta cuenta de Alegra no incluye esta función de la API, o la suscripción está suspendida. Revisa el plan en Alegra (Configuración › Suscripción) o pide a Alegra que habilite la API.', details);
    case 403:
      return new AlegraError('forbidden', `El usuario de Alegra no tiene permiso para esta acción${said}. Pide al administrador de la cuenta de Alegra que te dé permisos de gastos y contabilidad.`, details);
    case 404:
      return new AlegraError('not_found', `Alegra no encontró el recurso${said}.`, details);
    case 429:
      return new AlegraError('rate_limit', 'Alegra pidió esperar: se superó el límite de solicitudes por minuto. Se reintentará automáticamente.', { ...details, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
    default:
      if (status >= 500) return new AlegraError('server', `Alegra tuvo un error interno (HTTP ${status})${said}. Se reintentará automáticamente.`, { ...details, outcomeUnknown: true });
      return new AlegraError('validation', `Alegra rechazó la solicitud${said || ` (HTTP ${status})`}.`, details);
  }
}
