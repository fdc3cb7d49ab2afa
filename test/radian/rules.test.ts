import { describe, expect, it } from 'vitest';
import type { RadianCode, RadianEventStatus } from '#shared/radian';
import { addBusinessDays, colombianHolidays, isBusinessDay } from '../../server/radian/business-days';
import { creditTerms } from '../../server/radian/credit-terms';
import { acceptanceOf, allowedCodes, orderProblem, tacitDeadline, type RuleInput } from '../../server/radian/event-rules';

describe('which invoices need 030 and 032', () => {
  it.each([
    [{ kind: 'invoice', issueDate: '2026-03-10', dueDate: '2026-03-10', paymentMeans: [{ form: '2' }] }, true, /crédito/],
    [{ kind: 'invoice', issueDate: '2026-03-10', dueDate: '2026-04-09', paymentMeans: [{ form: '1' }] }, true, /Vence el 2026-04-09.*plazo/],
    [{ kind: 'invoice', issueDate: '2026-03-10', dueDate: '2026-03-10', paymentMeans: [{ form: '1' }] }, false, /De contado/],
    [{ kind: 'invoice', issueDate: '2026-03-10', dueDate: '2026-03-10', paymentMeans: [] }, false, /De contado/],
    [{ kind: 'credit-note', issueDate: '2026-03-10', dueDate: '2026-04-10', paymentMeans: [{ form: '2' }] }, false, /notas/],
  ])('%o → %s', (input, required, reason) => {
    const terms = creditTerms(input);
    expect(terms.required).toBe(required);
    expect(terms.reason).toMatch(reason);
  });
});

describe('business days in Colombia', () => {
  it('2026’s national holidays by Ley 51 de 1983 (Emiliani) and Easter (5 April 2026)', () => {
    expect([...colombianHolidays(2026)].sort()).toEqual([
      '2026-01-01', '2026-01-12', '2026-03-23', '2026-04-02', '2026-04-03', '2026-05-01', '2026-05-18', '2026-06-08', '2026-06-15',
      '2026-06-29', '2026-07-20', '2026-08-07', '2026-08-17', '2026-10-12', '2026-11-02', '2026-11-16', '2026-12-08', '2026-12-25',
    ]);
  });

  it('three business days skip weekends and holidays', () => {
    expect(addBusinessDays('2026-03-10', 3)).toBe('2026-03-13'); // Tue → Fri
    expect(addBusinessDays('2026-03-12', 3)).toBe('2026-03-17'); // Thu → Fri 13, (Sat, Sun) Mon 16, Tue 17
    expect(addBusinessDays('2026-03-19', 3)).toBe('2026-03-25'); // Thu → Fri 20, (Mon 23 holiday) Tue 24, Wed 25
    expect(addBusinessDays('2026-03-31', 3)).toBe('2026-04-07'); // Tue → Wed 1, (Thu 2, Fri 3 Semana Santa) Mon 6, Tue 7
    expect(isBusinessDay('2026-12-25')).toBe(false);
    expect(isBusinessDay('2026-12-24')).toBe(true);
    expect(tacitDeadline('2026-12-23')).toBe('2026-12-29'); // Thu 24, (Fri 25 Navidad) Mon 28, Tue 29
  });
});

type History = [RadianCode, RadianEventStatus][];
const base = (events: History, extra: Partial<RuleInput> = {}): Omit<RuleInput, 'code'> => ({
  kind: 'invoice',
  credit: true,
  events: events.map(([code, status]) => ({ code, status })),
  today: '2026-03-20',
  ...extra,
});

describe('the order rules', () => {
  const cases: [string, RadianCode, History, Partial<RuleInput>, RegExp | undefined][] = [
    ['030 first', '030', [], {}, undefined],
    ['no 030 twice', '030', [['030', 'aceptado']], {}, /ya aceptó.*no se envía dos veces/],
    ['a pending 030 is retried, not made again', '030', [['030', 'pendiente']], {}, /pendiente de envío: reintenta/],
    ['after a rejected 030, a new one', '030', [['030', 'rechazado']], {}, undefined],
    ['no 032 before 030', '032', [], {}, /Primero el acuse de recibo \(030\)/],
    ['no 032 while 030 is only pending', '032', [['030', 'pendiente']], {}, /Primero el acuse/],
    ['032 after 030 accepted', '032', [['030', 'aceptado']], {}, undefined],
    ['no 032 after a claim', '032', [['030', 'aceptado'], ['031', 'aceptado']], {}, /Ya reclamaste/],
    ['no 033 before 032', '033', [['030', 'aceptado']], {}, /Primero el recibo del bien/],
    ['033 after 032', '033', [['030', 'aceptado'], ['032', 'aceptado']], {}, undefined],
    ['no 033 after 031', '033', [['030', 'aceptado'], ['032', 'aceptado'], ['031', 'aceptado']], {}, /Ya reclamaste.*no se puede aceptar/],
    ['no 033 twice', '033', [['030', 'aceptado'], ['032', 'aceptado'], ['033', 'aceptado']], {}, /no se envía dos veces/],
    ['no 033 on a cash invoice', '033', [['030', 'aceptado'], ['032', 'aceptado']], { credit: false }, /solo aplican a facturas a crédito/],
    ['no 031 on a cash invoice', '031', [['030', 'aceptado']], { credit: false }, /solo aplican a facturas a crédito/],
    ['no 031 before 030', '031', [], {}, /Primero el acuse/],
    ['031 after 030 (goods never came)', '031', [['030', 'aceptado']], {}, undefined],
    ['no 031 after 033', '031', [['030', 'aceptado'], ['032', 'aceptado'], ['033', 'aceptado']], {}, /Ya aceptaste.*no se puede reclamar/],
    ['031 on the last day of the term', '031', [['030', 'aceptado'], ['032', 'aceptado']], { tacitDeadline: '2026-03-20' }, undefined],
    ['no 031 after the tacit term', '031', [['030', 'aceptado'], ['032', 'aceptado']], { tacitDeadline: '2026-03-19' }, /aceptada tácitamente.*terminó el 2026-03-19/],
    ['no 031 after the seller’s 034', '031', [['030', 'aceptado'], ['032', 'aceptado']], { sellerTacit: true }, /034/],
    ['no events on notes', '030', [], { kind: 'credit-note' }, /no sobre notas/],
  ];
  it.each(cases)('%s', (_name, code, events, extra, problem) => {
    const found = orderProblem({ ...base(events, extra), code });
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });

  it('what a person may do at each step', () => {
    expect(allowedCodes(base([]))).toEqual(['030']);
    expect(allowedCodes(base([['030', 'aceptado']]))).toEqual(['032', '031']);
    expect(allowedCodes(base([['030', 'aceptado'], ['032', 'aceptado']], { tacitDeadline: '2026-03-25' }))).toEqual(['033', '031']);
    expect(allowedCodes(base([['030', 'aceptado'], ['032', 'aceptado']], { tacitDeadline: '2026-03-19' }))).toEqual(['033']);
    expect(allowedCodes(base([['030', 'aceptado'], ['032', 'aceptado'], ['033', 'aceptado']]))).toEqual([]);
  });

  it('the acceptance state', () => {
    expect(acceptanceOf(base([['030', 'aceptado'], ['032', 'aceptado'], ['033', 'aceptado']])).state).toBe('expresa');
    expect(acceptanceOf(base([['030', 'aceptado'], ['031', 'aceptado']])).state).toBe('reclamo');
    expect(acceptanceOf(base([['030', 'aceptado'], ['032', 'aceptado']], { tacitDeadline: '2026-03-19' }))).toMatchObject({ state: 'tacita', text: expect.stringMatching(/tres días hábiles/) });
    expect(acceptanceOf(base([['030', 'aceptado'], ['032', 'aceptado']], { tacitDeadline: '2026-03-20' }))).toMatchObject({ state: 'sin_decision', text: expect.stringMatching(/hasta el 2026-03-20/) });
    expect(acceptanceOf(base([['030', 'aceptado']])).state).toBe('sin_decision');
  });
});
