import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlegraClient, listOf } from '../../server/alegra/alegra-client';
import { AlegraError } from '../../server/alegra/alegra-error';
import { centavosOf, decimalText, identificationDigits, pesosNumber, remoteId } from '../../server/alegra/alegra-values';
import { FakeAlegra } from '../support/fake-alegra';

const EMAIL = 'contador@empresa.co';
const TOKEN = 'token-valido-123';

let fake: FakeAlegra;
beforeEach(async () => {
  fake = await FakeAlegra.start([{ email: EMAIL, token: TOKEN }]);
});
afterEach(async () => {
  await fake.close();
});

/** The AlegraError a call fails with (the test fails if it succeeds or fails otherwise). */
async function failure(call: Promise<unknown>): Promise<AlegraError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AlegraError);
  return error as AlegraError;
}

function client(options: Partial<ConstructorParameters<typeof AlegraClient>[0]> = {}): AlegraClient {
  return new AlegraClient({ baseUrl: fake.url, email: EMAIL, token: TOKEN, backoffMs: 5, ...options });
}

describe('AlegraClient', () => {
  it('authenticates with Basic email:token and reports a 401 in Spanish without retrying', async () => {
    expect(await client().get('/users/self')).toMatchObject({ email: EMAIL });
    const wrong = new AlegraClient({ baseUrl: fake.url, email: EMAIL, token: 'otro' });
    const error = await wrong.get('/users/self').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlegraError);
    expect(error).toMatchObject({ kind: 'auth', details: { status: 401, alegraMessage: 'Usuario o token incorrecto' } });
    expect((error as AlegraError).message).toContain('Alegra no aceptó el correo y el token');
    expect(fake.calls('GET', '/users/self').map((r) => r.status)).toEqual([200, 401]);
  });

  it('explains a plan without the API (402) and a user without permission (403)', async () => {
    fake.accounts.push({ email: 'gratis@empresa.co', token: 'token-gratis', planBlocks: 'none' }, { email: 'lector@empresa.co', token: 'token-lector', readOnly: true });
    const plan = await failure(new AlegraClient({ baseUrl: fake.url, email: 'gratis@empresa.co', token: 'token-gratis' }).get('/bills'));
    expect(plan).toMatchObject({ kind: 'plan', details: { status: 402 } });
    expect(plan.message).toContain('El plan de esta cuenta de Alegra no incluye esta función de la API');
    const role = await failure(new AlegraClient({ baseUrl: fake.url, email: 'lector@empresa.co', token: 'token-lector' }).post('/contacts', { name: 'x' }));
    expect(role).toMatchObject({ kind: 'forbidden', details: { status: 403 } });
    expect(role.message).toContain('no tiene permiso');
  });

  it('walks pages of 30 with start/limit and metadata=true, accepting ids and amounts as strings or numbers', async () => {
    for (let i = 0; i < 65; i++) fake.addTax({ name: `Tasa ${i}`, type: 'IVA', percentage: `${i}.50` });
    const records: unknown[] = [];
    for await (const page of client().pages('/taxes')) records.push(...page);
    expect(records).toHaveLength(65);
    expect(fake.calls('GET', '/taxes').map((r) => [r.query.start, r.query.limit, r.query.metadata])).toEqual([
      ['0', '30', 'true'],
      ['30', '30', 'true'],
      ['60', '30', 'true'],
    ]);
    // The fake alternates: odd ids as numbers, even ids as strings; the helpers read both the same way.
    const kinds = new Set(records.map((r) => typeof (r as { id: unknown }).id));
    expect(kinds).toEqual(new Set(['number', 'string']));
    expect(new Set(records.map((r) => typeof (r as { percentage: unknown }).percentage))).toEqual(new Set(['number', 'string']));
    expect(records.map((r) => remoteId((r as { id: unknown }).id))).toEqual(fake.taxes.map((t) => String(t.id)));
    expect(records.map((r) => decimalText((r as { percentage: unknown }).percentage))).toEqual(fake.taxes.map((t) => String(Number(t.percentage))));
  });

  it('stops on an endpoint that ignores start instead of looping for ever', async () => {
    let calls = 0;
    const page = Array.from({ length: 30 }, (_, i) => ({ id: i + 1 }));
    const stubborn = new AlegraClient({
      baseUrl: 'http://127.0.0.1:9/api/v1',
      email: EMAIL,
      token: TOKEN,
      fetch: async () => {
        calls++;
        return new Response(JSON.stringify(page), { status: 200, headers: { 'Content-Type': 'application/json' } });
      },
    });
    const records: unknown[] = [];
    for await (const p of stubborn.pages('/items')) records.push(...p);
    expect(records).toHaveLength(30);
    expect(calls).toBe(2);
  });

  it('waits out a 429 for X-Rate-Limit-Reset seconds and sends again, even a POST (Alegra did nothing)', async () => {
    fake.seedColombianAccount();
    fake.inject({ method: 'POST', path: '/contacts', status: 429, headers: { 'X-Rate-Limit-Remaining': '0', 'X-Rate-Limit-Reset': '1' } });
    const started = Date.now();
    const created = await client().post('/contacts', { name: 'Proveedor', identificationObject: { type: 'NIT', number: '900555111' }, kindOfPerson: 'LEGAL_ENTITY', type: ['provider'] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(created).toMatchObject({ name: 'Proveedor' });
    expect(fake.calls('POST', '/contacts').map((r) => r.status)).toEqual([429, 201]);
    expect(fake.contacts.filter((c) => c.name === 'Proveedor')).toHaveLength(1);
  });

  it('does not wait longer than its budget for a rate-limit window: fails as retryable with the wait', async () => {
    fake.inject({ method: 'GET', path: '/items', status: 429, headers: { 'X-Rate-Limit-Reset': '40' } });
    const error = await failure(client({ maxRateLimitWaitMs: 1000 }).get('/items'));
    expect(error).toMatchObject({ kind: 'rate_limit', details: { retryAfterMs: 40_000 } });
    expect(error.retryable).toBe(true);
  });

  it('paces itself when the window is spent instead of collecting 429s', async () => {
    fake.rateLimit = { limit: 3, windowMs: 1000 };
    const c = client();
    const started = Date.now();
    for (let i = 0; i < 5; i++) await c.get('/users/self');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fake.requests.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(c.rateLimit.limit).toBe(3);
  });

  it('retries 5xx on reads with backoff, but never repeats a POST that may have taken effect', async () => {
    fake.inject({ method: 'GET', path: '/users/self', status: 503, times: 2 });
    expect(await client().get('/users/self')).toMatchObject({ email: EMAIL });
    expect(fake.calls('GET', '/users/self').map((r) => r.status)).toEqual([503, 503, 200]);

    fake.inject({ method: 'POST', path: '/contacts', status: 500 });
    const error = await failure(client().post('/contacts', { name: 'X' }));
    expect(error).toMatchObject({ kind: 'server', details: { status: 500, outcomeUnknown: true } });
    expect(fake.calls('POST', '/contacts')).toHaveLength(1);
  });

  it('times out a slow response; a timed-out POST is marked as an unknown outcome', async () => {
    fake.inject({ method: 'GET', path: '/company', delayBeforeMs: 600 });
    const read = await failure(client({ timeoutMs: 150, maxRetries: 0 }).get('/company'));
    expect(read).toMatchObject({ kind: 'timeout', details: { outcomeUnknown: false } });
    fake.inject({ method: 'POST', path: '/contacts', delayAfterMs: 600 });
    const write = await failure(client({ timeoutMs: 150 }).post('/contacts', { name: 'Lento', identificationObject: { number: '1' }, kindOfPerson: 'LEGAL_ENTITY' }));
    expect(write).toMatchObject({ kind: 'timeout', details: { outcomeUnknown: true } });
    expect(write.message).toContain('no respondió');
    // Alegra did create it: the caller has to look before writing again.
    expect(fake.contacts.some((c) => c.name === 'Lento')).toBe(true);
  });

  it('reports a validation error with Alegra’s own message and code', async () => {
    const error = await failure(client().post('/contacts', { identificationObject: { number: '1' } }));
    expect(error).toMatchObject({ kind: 'validation', details: { status: 400, alegraCode: '1001', alegraMessage: 'El nombre del contacto es obligatorio' } });
    expect(error.message).toBe('Alegra rechazó la solicitud: «El nombre del contacto es obligatorio» (código 1001).');
    expect(error.retryable).toBe(false);
  });
});

describe('reading Alegra’s values', () => {
  it('reads ids, amounts and identifications in either form', () => {
    expect(remoteId(12)).toBe('12');
    expect(remoteId(' 12 ')).toBe('12');
    expect(remoteId('12.0')).toBe('12');
    expect(remoteId('itm_01HZX')).toBe('itm_01HZX');
    expect(remoteId(null)).toBeUndefined();
    expect(decimalText('19.00')).toBe('19');
    expect(decimalText(2.5)).toBe('2.5');
    expect(decimalText('abc')).toBeUndefined();
    expect(centavosOf('12600.06')).toBe(1260006);
    expect(centavosOf(12600.06)).toBe(1260006);
    expect(centavosOf('0.005')).toBe(1);
    expect(pesosNumber(1260006)).toBe(12600.06);
    expect(identificationDigits('900.123.456-7')).toBe('900123456');
    expect(identificationDigits(900123456)).toBe('900123456');
    expect(listOf({ total: '4', results: [1, 2] })).toEqual({ records: [1, 2], total: 4 });
    expect(listOf({ metadata: { total: 40 }, data: [1] })).toEqual({ records: [1], total: 40 });
    expect(listOf([1, 2, 3])).toEqual({ records: [1, 2, 3] });
  });
});
