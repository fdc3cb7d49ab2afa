/**
 * What went wrong talking to the agent, for a person (Spanish `message`) and for code (`code`): the server's own
 * error codes (`UNAUTHORIZED`, `NO_COMPANY`…) plus the extension's (`UNREACHABLE`, `NOT_CONFIGURED`…).
 */
export class AgentError extends Error {
  override readonly name = 'AgentError';

  constructor(
    readonly code: string,
    message: string,
    /** HTTP status when the server answered; 0 when it did not. */
    readonly status = 0,
  ) {
    super(message);
  }
}

/** Any thrown value as an AgentError, so views can show `message` without guessing. */
export function toAgentError(error: unknown): AgentError {
  if (error instanceof AgentError) return error;
  return new AgentError('UNEXPECTED', error instanceof Error && error.message ? `Error inesperado: ${error.message}` : 'Error inesperado en la extensión.');
}

/**
 * Errors that mean "the connection settings are wrong": the panel goes back to the connection step. A personal token
 * that expired or was revoked, and a company the person does not work on (or none yet), are such errors too.
 */
export const CONNECTION_ERROR_CODES: ReadonlySet<string> = new Set([
  'NOT_CONFIGURED',
  'UNREACHABLE',
  'UNAUTHORIZED',
  'TOKEN_EXPIRED',
  'TOKEN_REVOKED',
  'NOT_AGENT',
  'COMPANY_NOT_FOUND',
  'COMPANY_FORBIDDEN',
  'NO_COMPANY_ACCESS',
  'COMPANY_REQUIRED',
  'INVALID_URL',
]);
