import { beforeEach, describe, expect, it } from 'vitest';
import { listAgentEvents } from '../../server/agent/agent-switch';
import { connect, normalizeServerUrl, relayRequest } from '../../extension/lib/background-relay';
import { relayFetch, setActor } from '../../extension/lib/api';
import { agentApi } from '../../extension/lib/agent-api';
import { sendToBackground } from '../../extension/lib/messages';
import { readConnection, saveConnection } from '../../extension/lib/storage';
import { startTestAgent, TEST_SERVER_URL, type TestAgent } from './support';

describe('el relevo del background (la única parte que llama al agente)', () => {
  let agent: TestAgent;
  beforeEach(async () => {
    agent = await startTestAgent();
  });

  it('normaliza la dirección del agente y rechaza lo que no es http(s)', () => {
    expect(normalizeServerUrl(' 127.0.0.1:8787/api ')).toBe('http://127.0.0.1:8787');
    expect(normalizeServerUrl('http://localhost:9000/')).toBe('http://localhost:9000');
    expect(() => normalizeServerUrl('ftp://127.0.0.1')).toThrow(/http:\/\/ o https:\/\//);
    expect(() => normalizeServerUrl('http://')).toThrow(/no es válida/);
  });

  it('sin token guardado no llama al agente y pide conectar', async () => {
    await expect(sendToBackground('agente:api', { method: 'GET', path: '/api/v1/agent', headers: [] })).rejects.toMatchObject({ code: 'NOT_CONFIGURED' });
  });

  it('solo reenvía rutas de la API', async () => {
    await agent.connect();
    await expect(sendToBackground('agente:api', { method: 'GET', path: '/../admin', headers: [] })).rejects.toMatchObject({ code: 'BAD_PATH' });
  });

  it('añade el token y la empresa elegida; el nombre del usuario llega al registro de auditoría', async () => {
    const company = await agent.createCompany();
    await saveConnection({ serverUrl: TEST_SERVER_URL, token: agent.token, companyNit: '999999999' });
    const wrongCompany = await relayFetch('http://agente.invalid/api/v1/agent');
    // Never says whether a company it does not cover exists.
    expect(wrongCompany.status).toBe(403);
    expect(((await wrongCompany.json()) as { error: { code: string } }).error.code).toBe('COMPANY_FORBIDDEN');

    await saveConnection({ serverUrl: TEST_SERVER_URL, token: agent.token, companyNit: company.nit });
    setActor('José Ñúñez');
    try {
      expect(await agentApi.activate()).toMatchObject({ status: 'active' });
    } finally {
      setActor('');
    }
    const [event] = await listAgentEvents(agent.db, company.id);
    expect(event?.actor).toBe('José Ñúñez');
  });

  it('devuelve la respuesta entera (estado, cabeceras y cuerpo binario)', async () => {
    await agent.connect();
    const response = await relayRequest({ fetch: async (url) => new Response(new Uint8Array([0, 255, 1]), { status: 201, headers: { 'x-prueba': url } }), settings: { read: readConnection, save: saveConnection, clearToken: async () => undefined } }, { method: 'GET', path: '/api/v1/x', headers: [] });
    expect(response.status).toBe(201);
    expect(Object.fromEntries(response.headers)['x-prueba']).toBe(`${TEST_SERVER_URL}/api/v1/x`);
    expect(response.body).toBe('AP8B');
  });

  it('«Conectar» comprueba que la dirección sea el agente antes de guardar nada', async () => {
    const settings = { read: readConnection, save: saveConnection, clearToken: async () => undefined };
    const notAgent = { fetch: async () => new Response('<html>otra cosa</html>', { status: 200 }), settings };
    await expect(connect(notAgent, { serverUrl: 'http://127.0.0.1:3000', token: agent.token })).rejects.toMatchObject({ code: 'NOT_AGENT' });
    await expect(connect(notAgent, { serverUrl: 'http://127.0.0.1:3000', token: '  ' })).rejects.toMatchObject({ code: 'EMPTY_TOKEN' });
    expect((await readConnection()).token).toBe('');
  });
});
