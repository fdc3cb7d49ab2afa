import { describe, expect, it } from 'vitest';
import { readDataCsv } from '../../server/ledger/puc';

/**
 * The buyer's posture by CIIU section (accounting-co.md §4.3) is data, not constants in code (issue #13, eighth round):
 * every section of the CIIU table has one row, each answer is «si» or «no» and says where it comes from.
 */
describe('postura-por-seccion.csv', () => {
  const rows = readDataCsv('postura-por-seccion.csv');
  const sections = new Map(readDataCsv('ciiu.csv').filter((r) => r.section).map((r) => [r.section!, r.section_name!]));

  it('has one row per CIIU section, named as in ciiu.csv, each answer si/no with its source', () => {
    expect(rows.map((r) => r.seccion).sort()).toEqual([...sections.keys()].sort());
    for (const row of rows) {
      expect(row.seccion_nombre).toBe(sections.get(row.seccion!));
      for (const column of ['produce_con_costo', 'consume_en_su_servicio', 'alimenta_a_quien_atiende', 'compra_servicios_como_costo']) expect(['si', 'no']).toContain(row[column]);
      expect(row.fuente).toBeTruthy();
    }
  });

  it('is coherent: whoever consumes goods in its service, feeds those it serves or buys services as cost produces with a cost of its own', () => {
    for (const row of rows) {
      if (row.consume_en_su_servicio === 'si' || row.alimenta_a_quien_atiende === 'si' || row.compra_servicios_como_costo === 'si') expect(row.produce_con_costo, row.seccion).toBe('si');
      if (row.alimenta_a_quien_atiende === 'si') expect(row.consume_en_su_servicio, row.seccion).toBe('si');
    }
    // Commerce (G) books its goods as merchandise and its expenses as selling expenses: no cost posture of its own.
    expect(rows.find((r) => r.seccion === 'G')!.produce_con_costo).toBe('no');
  });
});
