import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDianFile } from '../../server/dian';

describe('smoke', () => {
  it('reads the volt container', () => {
    const { outcomes } = readDianFile(readFileSync('test/fixtures/dian/volt__example.js.AttachedDocument.xml'));
    expect(outcomes[0]?.ok).toBe(true);
  });
});
