/**
 * Round 16 (issue #13): how many cost-vs-expense misses (61 ↔ 51/52, 14 ↔ 51/52/61) of the blind sets could be
 * learnt from the same company's trusted evidence on OTHER concepts of the same kind. Analysis only: runs each set as
 * the bench does, then reads each company's catalog, imported history, imported corrections and the warm-up lines a
 * person corrected. `npx tsx test/bench/posture-count.ts [blind2 …]`
 */
import { ManualClock } from '../../server/agent/clock';
import { createCompany } from '../../server/companies/companies';
import { openDatabase } from '../../server/db/database';
import { Chart } from '../../server/ledger/chart';
import { importFile } from '../../server/matching/import-data';
import { conceptOf } from '../../server/matching/activity-classifier';
import { normalize } from '../../server/matching/normalize';
import { SuggestionEngine } from '../../server/matching/suggestion-engine';
import type { LearnedLine } from '../../server/matching/line-classifier';
import { hashSeed } from '../fixtures/matching/descriptions';
import { GROUP_OF } from '../fixtures/matching/unseen/scenarios';
import { csv, invoices, registered, toLine, type ScenarioToRun } from './matching-unseen.bench';
import { kindOfConcept } from '../../server/matching/posture-kinds';

const clock = new ManualClock('2026-09-01T15:00:00Z');
const side = (a: string) => (a.startsWith('61') || a.startsWith('7') ? 'costo' : a.startsWith('51') || a.startsWith('52') ? 'gasto' : a.startsWith('14') ? 'inventario' : 'otro');

async function main() {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : Array.from({ length: 20 }, (_, i) => `blind${i + 2}`);
  const table: Record<string, number> = {};
  const bump = (k: string) => (table[k] = (table[k] ?? 0) + 1);
  for (const name of names) {
    const n = name.replace('blind', '');
    const mod = await import(`../fixtures/matching/${name}/scenarios`);
    const scenarios: ScenarioToRun[] = mod[`buildBlind${n}Scenarios`]();
    for (const scenario of scenarios) {
      const db = await openDatabase(':memory:');
      const c = scenario.company;
      const company = await createCompany(db, { nit: scenario.nit, name: c.name, userName: 'B', ciiu: c.ciiu, inventory: c.inventory }, clock);
      const options = { actor: 'bench', now: clock.now() };
      if (scenario.catalog.length) await importFile(db, company.id, 'items', JSON.stringify(scenario.catalog.map((i) => ({ itemId: i.code, name: i.name, account: i.account, inventoriable: i.inventoried ? 'yes' : 'no', unspsc: i.unspsc }))), { ...options, fileName: 'items.json' });
      if (scenario.history.length) await importFile(db, company.id, 'history', csv(['nit_proveedor', 'descripcion', 'codigo_proveedor', 'unspsc', 'cuenta', 'fecha'], scenario.history.map((h) => [h.supplierNit, h.description, h.sellerCode ?? '', h.unspsc ?? '', h.account, h.date])), { ...options, fileName: 'h.csv' });
      if (scenario.corrections.length) await importFile(db, company.id, 'corrections', csv(['supplierNit', 'description', 'sellerCode', 'account', 'previousAccount', 'date'], scenario.corrections.map((h) => [h.supplierNit, h.description, h.sellerCode ?? '', h.account, h.previous, h.date])), { ...options, fileName: 'c.csv' });
      const engine = new SuggestionEngine(db, {});
      const chart = await Chart.forCompany(db, company.id);
      const context = { company, chart };
      // Trusted examples: (description, unspsc, account, source)
      const trusted: { d: string; u?: string; a: string; src: string }[] = [
        ...scenario.catalog.map((i) => ({ d: i.name, u: i.unspsc, a: i.account, src: 'catalogo' })),
        ...scenario.history.map((h) => ({ d: h.description, u: h.unspsc, a: h.account, src: 'historial' })),
        ...scenario.corrections.map((h) => ({ d: h.description, a: h.account, src: 'correccion' })),
      ];
      for (const batch of invoices(scenario.warmUp)) {
        const results = await engine.classify(batch.map(toLine), context);
        const learned: LearnedLine[] = batch.map((line, i) => registered(company.id, line, results[i]!));
        for (const [i, line] of batch.entries()) {
          if (results[i]!.accountCode !== line.expected && hashSeed(line.supplier.nit) % 5 < 3) {
            learned.push({ ...registered(company.id, line, results[i]!), accountCode: line.expected, byUser: true, origin: 'correccion', at: `${line.at}T18:00:00Z` });
            trusted.push({ d: line.description, ...(line.unspsc ? { u: line.unspsc } : {}), a: line.expected, src: 'persona' });
          }
        }
        await engine.learn(learned);
      }
      const read = (d: string, u?: string) => {
        const t = normalize(d);
        return conceptOf({ words: t.words, ...(u ? { unspsc: u } : {}), supplierCiiu: [], codes: t.codes, measures: t.measures }, company);
      };
      const examples = trusted.map((t) => ({ ...t, concept: read(t.d, t.u) }));
      for (const batch of invoices(scenario.tests)) {
        const results = await engine.classify(batch.map(toLine), context);
        batch.forEach((line, i) => {
          const got = results[i]!.accountCode;
          const exp = line.expected;
          const s1 = side(exp), s2 = side(got);
          if (got === exp || s1 === s2 || s1 === 'otro' || s2 === 'otro') return;
          const group = GROUP_OF[line.situation];
          const concept = read(line.description, line.unspsc);
          const judge = (kindOf: (key: string) => string | undefined) => {
            const kind = concept ? kindOf(concept.key) : undefined;
            const others = examples.filter((e) => e.concept && e.concept.key !== concept?.key && kind && kindOf(e.concept.key) === kind);
            const sameConcepts = new Set(others.filter((e) => side(e.a) === s1).map((e) => e.concept!.key));
            const contraConcepts = new Set(others.filter((e) => side(e.a) === s2).map((e) => e.concept!.key));
            const verdict = !trusted.length ? 'empresa sin evidencia' : !concept ? 'sin concepto' : !kind ? 'concepto sin clase' : sameConcepts.size >= 2 && contraConcepts.size === 0 ? 'aprendible (≥2 conceptos, 0 en contra)' : sameConcepts.size >= 1 && contraConcepts.size === 0 ? 'un concepto a favor' : sameConcepts.size > 0 ? 'mixta' : contraConcepts.size > 0 ? 'evidencia en contra' : 'nada de esa clase';
            return { verdict, sameConcepts, contraConcepts, kind };
          };
          const narrow = judge(kindOfConcept);
          const broad = judge((key) => kindOfConcept(key) ?? 'otra');
          const verdict = narrow.verdict;
          bump(`amplia|${group}|${broad.verdict}`);
          const { sameConcepts, contraConcepts, kind } = narrow;
          bump(`${group}|${s2}→${s1}|${verdict}`);
          bump(`${group}|*|${verdict}`);
          if (process.env.POSTURE_VERBOSE) console.log(`V ${name} ${c.key} ${scenario.kind} ${group} «${line.description}» ${got}→${exp} [${concept?.key}/${kind}] ${verdict} +${[...sameConcepts]} -${[...contraConcepts]} | amplia ${broad.verdict} +${[...broad.sameConcepts]} -${[...broad.contraConcepts]} · ${results[i]!.explanation.slice(0, 120)}`);
        });
        await engine.learn(batch.map((line, i) => registered(company.id, line, results[i]!)));
      }
      await db.destroy();
    }
  }
  for (const k of Object.keys(table).sort()) console.log(`${k}\t${table[k]}`);
}

await main();
