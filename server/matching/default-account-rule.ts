import type { Classification } from '#shared/classification';
import { defaultCostOfActivity, objectOfActivity, officeWord } from './activity-classifier';
import type { ClassificationContext, LineClassifier, LineToClassify } from './line-classifier';
import { normalize } from './normalize';

/**
 * The simple rule used until (and beneath) the suggestion engine: goods bought by a company that keeps inventory
 * and trades (CIIU 45–47) go to 1435 mercancías; what a company whose activity has a cost of its own buys, to that
 * cost (postura-por-seccion.csv «costo_por_defecto»); everything else to "gastos diversos – otros" (519595 / 529595),
 * clearly named so an accountant sees at once that nobody chose it. Confidence is low on purpose: such bills are
 * registered but flagged "por verificar".
 */
export class DefaultAccountRule implements LineClassifier {
  async classify(lines: LineToClassify[], context: ClassificationContext): Promise<Classification[]> {
    return lines.map((line) => classifyByRule(line, context));
  }

  async learn(): Promise<void> {}
}

const SERVICE_UNITS = new Set(['HUR', 'DAY', 'MON', 'ANN', 'E48', 'WEE', 'MIN', 'ACT']);

export function classifyByRule({ line }: LineToClassify, { company, chart }: ClassificationContext): Classification {
  const trader = company.ciiu.some((c) => /^4[5-7]/.test(c));
  if (company.inventory !== 'none' && trader && isGoods(line)) {
    const account = chart.firstPostable('1435', '143505');
    if (account) {
      return { accountCode: account, source: 'rule', confidence: 0.4, explanation: 'Regla por defecto: mercancía para la venta (empresa comercial con inventario) → 1435' };
    }
  }
  // Nothing says what the line is, but it names what the company's activity works on («hangar», «flota», «alumnos»):
  // whatever it was, it was bought for the activity — its cost (activity-object.ts) — still for a person to confirm.
  const words = normalize(line.description).words;
  const named = objectOfActivity(words, company, chart, isGoods(line));
  if (named) {
    return { accountCode: named.account, source: 'rule', confidence: 0.3, explanation: `Actividad ${company.ciiu[0]}: ${named.why} → ${named.account}; la línea no dice qué se compró: verifícala` };
  }
  const prefix = company.expenseFunction === 'ventas' ? '52' : '51';
  const expense = chart.firstPostable(`${prefix}9595`, `${prefix}95`, '519595') ?? '519595';
  // Nothing says what the line is, and the company's activity has a cost of its own: what it buys is mostly consumed
  // by the plant or the service (accounting-co.md §4.3), so the activity's 61 subcuenta is the likelier placeholder;
  // the office's expense is the other reading, named so the person who checks it sees both.
  // …unless the line says it was the office's («gerencia», «oficina»: palabras-de-oficina.csv).
  const cost = officeWord(words) ? undefined : defaultCostOfActivity(company, chart);
  if (cost) {
    return { accountCode: cost.account, source: 'rule', confidence: 0.2, explanation: `Cuenta por defecto: nada en la línea dice qué es; en la actividad ${company.ciiu[0]} ${cost.why}, costo de la actividad (${cost.account}); si fue para la oficina, es gasto ${expense}: verifícala` };
  }
  return { accountCode: expense, source: 'rule', confidence: 0.2, explanation: `Cuenta por defecto: gastos diversos – otros (${expense}); verifícala` };
}

/** Goods unless the line says it is a service: UNSPSC segment 70+ or a time-based unit. */
export function isGoods(line: LineToClassify['line']): boolean {
  if (line.unitCode && SERVICE_UNITS.has(line.unitCode)) return false;
  const unspsc = line.standardCode?.scheme === 'UNSPSC' ? line.standardCode.id.replace(/\D/g, '') : '';
  if (unspsc.length >= 2) return Number(unspsc.slice(0, 2)) < 70;
  return true;
}
