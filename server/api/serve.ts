import { serve, type ServerType } from '@hono/node-server';
import type { Agent } from '../agent/agent';
import { createApp } from './app';

export interface RunningServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Serves the API. Loopback only unless told otherwise: the agent holds a company's books. */
export function startApiServer(agent: Agent, options: { port?: number; hostname?: string } = {}): Promise<RunningServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  const app = createApp(agent);
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined;
    try {
      server = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname }, (info) => {
        resolve({
          port: info.port,
          url: `http://${hostname}:${info.port}`,
          close: () => new Promise<void>((done) => server!.close(() => done())),
        });
      });
      server.once('error', reject);
    } catch (error) {
      reject(error);
    }
  });
}
