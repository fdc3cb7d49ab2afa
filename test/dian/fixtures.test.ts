import { describe, expect, it } from 'vitest';
import { readDianFile } from '../../server/dian';
import { fixtureNames } from '../support/fixtures';
import { fixtureBytes, shortName } from './read-helpers';

/**
 * Every real sample in test/fixtures/dian (provenance in SOURCES.tsv) is read into exactly one document. DIAN's own
 * samples contain arithmetic and date errors: those must be warnings on the record, never refusals.
 */
describe('todos los ejemplos reales se leen', () => {
  const names = fixtureNames();

  it('hay 35 ejemplos', () => {
    expect(names).toHaveLength(35);
  });

  it.each(names.map((name) => [shortName(name), name]))('%s', (_title, name) => {
    const { outcomes, attachments } = readDianFile(fixtureBytes(name), { name });
    expect(attachments).toEqual([]);
    expect(outcomes).toHaveLength(1);
    const outcome = outcomes[0]!;
    if (!outcome.ok) expect.fail(`${name}: ${outcome.error.code}: ${outcome.error.message}`);
    expect(outcome.source).toEqual([name]);
    const document = outcome.document;
    expect(document.cufe).toMatch(/^[0-9a-f]{96}$/);
    expect(document.issueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(document.supplier.nit).toMatch(/^\d+$/);
    expect(document.customer.nit).toMatch(/^\d+$/);
    // Only the volt container is a production document (docs/dian-ubl.md §11.15).
    expect(document.environment).toBe(name.startsWith('volt__') ? 'production' : 'test');
    for (const warning of document.warnings) expect(warning.message.length).toBeGreaterThan(10);
  });
});
