import { describe, expect, it } from 'vitest';
import { describeImapError } from '../../server/sources/imap-client';
import { backoff, DEFAULT_RETRY } from '../../server/sources/mailbox-watcher';

const settings = { host: 'imap.empresa.test', port: 993, user: 'facturas@empresa.test', folder: 'INBOX' };

describe('backoff', () => {
  it('doubles from the minimum up to the cap, with ±20 % jitter', () => {
    for (let i = 0; i < 200; i++) {
      expect(backoff(1, false, DEFAULT_RETRY)).toBeGreaterThanOrEqual(800);
      expect(backoff(1, false, DEFAULT_RETRY)).toBeLessThanOrEqual(1_200);
      expect(backoff(4, false, DEFAULT_RETRY)).toBeGreaterThanOrEqual(6_400);
      expect(backoff(4, false, DEFAULT_RETRY)).toBeLessThanOrEqual(9_600);
      expect(backoff(50, false, DEFAULT_RETRY)).toBeLessThanOrEqual(72_000);
      expect(backoff(50, false, DEFAULT_RETRY)).toBeGreaterThanOrEqual(48_000);
    }
  });

  it('a refused password waits at least ~a minute and at most ~half an hour: never a tight loop', () => {
    const delays = Array.from({ length: 12 }, (_, i) => backoff(i + 1, true, DEFAULT_RETRY));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(48_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(36 * 60_000);
    // Attempts in the first hour of a wrong password: 1 min, 2, 4, 8, 16, 30… → a handful, not thousands.
    let elapsed = 0;
    let attempts = 0;
    while (elapsed < 60 * 60_000) elapsed += backoff(++attempts, true, { ...DEFAULT_RETRY });
    expect(attempts).toBeLessThanOrEqual(8);
  });
});

describe('describeImapError', () => {
  const code = (error: unknown) => describeImapError(error, settings).code;

  it('maps what imapflow and Node throw to stable codes with Spanish messages', () => {
    expect(code(Object.assign(new Error('Command failed'), { authenticationFailed: true, responseText: 'Authentication failed.' }))).toBe('AUTH_FAILED');
    expect(describeImapError(Object.assign(new Error('x'), { authenticationFailed: true }), settings).message).toContain('contraseña de aplicación');
    expect(code(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe('CONNECTION_REFUSED');
    expect(code(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }))).toBe('HOST_NOT_FOUND');
    expect(code(Object.assign(new Error('Timeout'), { code: 'CONNECT_TIMEOUT' }))).toBe('TIMEOUT');
    expect(code(Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }))).toBe('TLS_ERROR');
    expect(code(Object.assign(new Error('Command failed'), { mailboxMissing: true }))).toBe('FOLDER_NOT_FOUND');
    expect(code(Object.assign(new Error('Connection not available'), { code: 'NoConnection' }))).toBe('CONNECTION_LOST');
    expect(code(Object.assign(new Error('La llave cambió'), { code: 'SECRET_UNREADABLE' }))).toBe('SECRET_UNREADABLE');
    expect(code(Object.assign(new Error('No se pudo guardar el mensaje 7'), { code: 'RECEPTION_FAILED' }))).toBe('RECEPTION_FAILED');
    expect(code(new Error('algo raro'))).toBe('IMAP_ERROR');
    expect(describeImapError(new Error('algo raro'), settings).message).toContain('imap.empresa.test:993');
  });
});
