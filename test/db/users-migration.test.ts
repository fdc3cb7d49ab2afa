import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/agent/clock';
import { authenticate } from '../../server/api/tokens';
import { openDatabase } from '../../server/db/database';
import { down } from '../../server/db/migrations/2026_12_03_1700_users';
import { tempDir } from '../support/agent-harness';

describe('migration 2026_12_03_1700_users on an existing installation', () => {
  const tmp = tempDir('agente-users-migration-');
  afterAll(() => tmp.remove());

  it('the installation token keeps working, as the first administrator’s', async () => {
    const file = tmp.file('antes.db');
    // A database as it was before users: the migration undone, and a token row as the old code wrote it.
    const before = await openDatabase(file);
    await down(before as never);
    await before.deleteFrom('kysely_migration' as never).where('name' as never, '=', '2026_12_03_1700_users' as never).execute();
    const token = 'ag_token-de-una-instalacion-existente-0123456789';
    const hash = createHash('sha256').update(token).digest('hex');
    await before
      .insertInto('apiToken' as never)
      .values({ id: 'viejo', tokenHash: hash, label: 'primer inicio', createdAt: '2026-01-05T10:00:00.000Z', lastUsedAt: null, revokedAt: null } as never)
      .execute();
    await before.destroy();

    const after = await openDatabase(file);
    try {
      const auth = await authenticate(after, token, new ManualClock('2027-06-01T12:00:00Z'));
      expect(auth).toMatchObject({ ok: true, user: { login: 'administrador', generalAdmin: true, displayName: null } });
      expect(await after.selectFrom('apiToken').select(['kind', 'expiresAt']).where('id', '=', 'viejo').executeTakeFirstOrThrow()).toEqual({ kind: 'installation', expiresAt: null });
    } finally {
      await after.destroy();
    }
  });
});
