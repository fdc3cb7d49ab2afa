import { afterEach, describe, expect, it } from 'vitest';
import { pauseAgent } from '../../server/agent/agent-switch';
import { recheckUnconfirmed, recheckWhereAnchorsChanged } from '../../server/agent/recheck-authenticity';
import { BUNDLED_ANCHORS, loadAnchors } from '../../server/authenticity';
import { invoiceSpec, openHarness, type Harness } from '../support/agent-harness';
import { forEachEngine, type Engine } from '../support/engines';
import { TEST_ANCHOR_FILE } from '../support/pki';
import { deliverable } from '../support/signing';
import { buildUbl, unsignedUbl } from '../support/ubl';

/**
 * `agente documents recheck` (server/agent/recheck-authenticity.ts): after the anchors change, what waited for its
 * authenticity is checked again and judged as at its arrival; nothing else moves.
 */
forEachEngine((engine: Engine) => {
  describe(`checking again what waited for its authenticity (${engine})`, () => {
    let h: Harness;
    afterEach(async () => h?.close());

    it('what now verifies is judged as at its arrival: registers if the agent was active, never if it was paused; the altered stays altered', async () => {
      // The agent starts without the authority the documents are signed under: everything waits.
      h = await openHarness({ engine, activate: true, trustAnchors: loadAnchors([BUNDLED_ANCHORS]) });
      const [active] = (await h.ingest(deliverable(unsignedUbl(invoiceSpec('FE-R1'))))).documents;
      const altered = deliverable(unsignedUbl(invoiceSpec('FE-R2'))).replace('1190000.00</cbc:PayableAmount>', '1190009.00</cbc:PayableAmount>');
      const [broken] = (await h.ingest(altered)).documents;
      h.clock.advance(1000);
      await pauseAgent(h.db, h.company.id, 'ana', h.clock);
      h.clock.advance(1000);
      const [paused] = (await h.ingest(buildUbl(invoiceSpec('FE-R3')))).documents;
      expect(active).toMatchObject({ status: 'not_registered', reasonCode: 'AUTHENTICITY_UNCONFIRMED', authenticity: { code: 'unverifiable' } });
      expect(broken).toMatchObject({ status: 'not_registered', reasonCode: 'POSSIBLY_ALTERED' });
      expect(paused).toMatchObject({ status: 'not_registered', reasonCode: 'AUTHENTICITY_UNCONFIRMED' });

      // Same anchors: nothing changes.
      expect(await recheckUnconfirmed(h.db, h.clock, h.company, { anchors: loadAnchors([BUNDLED_ANCHORS]) })).toEqual({ checked: 2, changed: [] });

      const result = await recheckUnconfirmed(h.db, h.clock, h.company, { anchors: loadAnchors([BUNDLED_ANCHORS, TEST_ANCHOR_FILE]) });
      expect(result.checked).toBe(2);
      const after = async (id: string) => h.db.selectFrom('inboxDocument').select(['status', 'reasonCode', 'authenticity']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(await after(active!.id)).toEqual({ status: 'pending', reasonCode: null, authenticity: 'verified' });
      expect(await after(paused!.id)).toEqual({ status: 'arrived_while_paused', reasonCode: 'ARRIVED_WHILE_PAUSED', authenticity: 'verified' });
      expect(await after(broken!.id)).toMatchObject({ status: 'not_registered', reasonCode: 'POSSIBLY_ALTERED' });
      expect(result.changed.map((d) => [d.number, d.status.after])).toEqual([
        ['FE-R1', 'pending'],
        ['FE-R3', 'arrived_while_paused'],
      ]);
    });

    it('at start-up, a change of anchors re-checks each company once: the same anchors again do nothing', async () => {
      const bundleOnly = loadAnchors([BUNDLED_ANCHORS]);
      const withTestAuthority = loadAnchors([BUNDLED_ANCHORS, TEST_ANCHOR_FILE]);
      h = await openHarness({ engine, activate: true, trustAnchors: bundleOnly });
      const [waiting] = (await h.ingest(deliverable(unsignedUbl(invoiceSpec('FE-S1'))))).documents;
      expect(waiting).toMatchObject({ status: 'not_registered', reasonCode: 'AUTHENTICITY_UNCONFIRMED' });
      const status = async () => h.db.selectFrom('inboxDocument').select(['status', 'authenticity']).where('id', '=', waiting!.id).executeTakeFirstOrThrow();

      // First start with the mark: the company was never checked, so it is, under the anchors of that start.
      const first = await recheckWhereAnchorsChanged(h.db, h.clock, bundleOnly);
      expect(first.map((r) => [r.company.nit, r.checked, r.changed.length])).toEqual([[h.company.nit, 1, 0]]);
      // A restart with the same anchors: nobody is checked again.
      expect(await recheckWhereAnchorsChanged(h.db, h.clock, bundleOnly)).toEqual([]);
      expect(await status()).toEqual({ status: 'not_registered', authenticity: 'unverifiable' });

      // The authority installed, a restart: the waiting document verifies and goes to be registered.
      const second = await recheckWhereAnchorsChanged(h.db, h.clock, withTestAuthority);
      expect(second.map((r) => [r.checked, r.changed.map((d) => [d.number, d.status.after])])).toEqual([[1, [['FE-S1', 'pending']]]]);
      expect(await status()).toEqual({ status: 'pending', authenticity: 'verified' });
      expect(await recheckWhereAnchorsChanged(h.db, h.clock, withTestAuthority)).toEqual([]);
      const mark = await h.db.selectFrom('company').select('anchorsCheckedKey').where('id', '=', h.company.id).executeTakeFirstOrThrow();
      expect(mark.anchorsCheckedKey).toBe(withTestAuthority.key);
    });
  });
});
