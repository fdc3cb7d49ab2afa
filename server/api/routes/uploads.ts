import { Hono } from 'hono';
import type { IngestResult } from '#shared/inbox';
import { InputError } from '../../errors';
import type { ApiEnv } from '../env';

/**
 * Uploads into the reception inbox (the panel's drag and drop): `multipart/form-data` with one or more `file`
 * fields, or the raw bytes with the file name in `X-Nombre-Archivo`. Same path and rules as every other channel.
 */
export const uploadRoutes = new Hono<ApiEnv>().post('/', async (c) => {
  const agent = c.get('agent');
  const companyId = c.get('company').id;
  const files: { name: string; bytes: Uint8Array }[] = [];
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    let body: Awaited<ReturnType<typeof c.req.parseBody>>;
    try {
      body = await c.req.parseBody({ all: true });
    } catch {
      throw new InputError('El formulario (multipart/form-data) está mal formado: envía el archivo en el campo «file».');
    }
    const values = body['file'] ?? body['files'] ?? [];
    for (const value of Array.isArray(values) ? values : [values]) {
      if (value instanceof File) files.push({ name: value.name || 'archivo', bytes: new Uint8Array(await value.arrayBuffer()) });
    }
  } else {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length > 0) files.push({ name: decodeName(c.req.header('x-nombre-archivo')), bytes });
  }
  if (files.length === 0) throw new InputError('No llegó ningún archivo: envía el campo «file» (multipart) o el contenido del archivo en el cuerpo.');
  const results: (IngestResult & { name: string })[] = [];
  for (const file of files) results.push({ name: file.name, ...(await agent.ingest({ companyId, bytes: file.bytes, channel: 'upload', sourceRef: file.name })) });
  return c.json(results, 201);
});

/** `X-Nombre-Archivo` is percent-encoded by the extension; a name that does not decode is kept as sent. */
function decodeName(value: string | undefined): string {
  if (!value) return 'archivo';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
