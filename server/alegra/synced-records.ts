import { centavosOf, codeDigits, decimalText, field, identificationDigits, remoteId, text } from './alegra-values';

/**
 * How one record of each Alegra list becomes a local row: the fields the agent matches on, read defensively
 * because Alegra's shapes vary by endpoint and edition (ids and amounts as strings or numbers, `type` as a string
 * or an array, `numberTemplate` as an object or an array — alegra-cli `internal/api/*.go`). Pure functions.
 */

export interface ContactFields {
  name: string;
  identification: string | null;
  isProvider: number;
  status: string | null;
}

export function contactFields(raw: unknown): ContactFields {
  const identification = identificationDigits(field(raw, 'identificationObject', 'number')) ?? identificationDigits(field(raw, 'identification'));
  const types = asArray(field(raw, 'type')).map((t) => (text(t) ?? text(field(t, 'id')) ?? '').toLowerCase());
  return {
    name: text(field(raw, 'name')) ?? ([text(field(raw, 'nameObject', 'firstName')), text(field(raw, 'nameObject', 'lastName'))].filter(Boolean).join(' ') || '(sin nombre)'),
    identification: identification ?? null,
    isProvider: types.includes('provider') ? 1 : 0,
    status: text(field(raw, 'status')) ?? null,
  };
}

export interface ItemFields {
  name: string;
  reference: string | null;
  description: string | null;
  type: string | null;
  status: string | null;
}

export function itemFields(raw: unknown): ItemFields {
  return {
    name: text(field(raw, 'name')) ?? '(sin nombre)',
    reference: text(field(raw, 'reference')) ?? text(field(raw, 'reference', 'reference')) ?? null,
    description: text(field(raw, 'description')) ?? null,
    type: text(field(raw, 'type')) ?? null,
    status: text(field(raw, 'status')) ?? null,
  };
}

export interface CategoryFields {
  remoteId: string;
  parentRemoteId: string | null;
  code: string | null;
  name: string;
  type: string | null;
  status: string | null;
  /** Marked accumulative by Alegra (`use`), whatever its place in the tree. */
  accumulative: boolean;
  raw: unknown;
}

/**
 * The chart of accounts as a flat list. Alegra returns it flat (each account with `idParent`) or as a tree
 * (`children`); both are flattened here, the parent taken from `idParent` or from the tree.
 */
export function flattenCategories(records: unknown[]): CategoryFields[] {
  const out: CategoryFields[] = [];
  const visit = (raw: unknown, parent: string | undefined) => {
    const id = remoteId(field(raw, 'id'));
    if (!id) return;
    const children = asArray(field(raw, 'children'));
    const own = stripChildren(raw);
    out.push({
      remoteId: id,
      parentRemoteId: remoteId(field(raw, 'idParent')) ?? parent ?? null,
      code: codeDigits(field(raw, 'code')) ?? null,
      name: text(field(raw, 'name')) ?? text(field(raw, 'text')) ?? '(sin nombre)',
      type: text(field(raw, 'type')) ?? null,
      status: text(field(raw, 'status')) ?? null,
      accumulative: (text(field(raw, 'use')) ?? '').toLowerCase() === 'accumulative',
      raw: own,
    });
    for (const child of children) visit(child, id);
  };
  for (const record of records) visit(record, undefined);
  return out;
}

/** Accepts movements: a leaf of the tree, active, not marked accumulative. */
export function postableCategories(categories: CategoryFields[]): Set<string> {
  const parents = new Set(categories.map((c) => c.parentRemoteId).filter((p): p is string => p !== null));
  return new Set(categories.filter((c) => !parents.has(c.remoteId) && !c.accumulative && isActive(c.status)).map((c) => c.remoteId));
}

export interface RateFields {
  name: string;
  type: string | null;
  percentage: string | null;
  status: string | null;
}

/** Taxes and retentions. A retention calculated as a fixed amount has no percentage to match by. */
export function rateFields(raw: unknown): RateFields {
  const fixed = (text(field(raw, 'calculatedBy')) ?? '').toLowerCase() === 'fixedamount';
  return {
    name: text(field(raw, 'name')) ?? '(sin nombre)',
    type: text(field(raw, 'type'))?.toUpperCase() ?? null,
    percentage: fixed ? null : (decimalText(field(raw, 'percentage')) ?? null),
    status: text(field(raw, 'status')) ?? null,
  };
}

export interface BillFields {
  providerRemoteId: string | null;
  providerIdentification: string | null;
  providerName: string | null;
  number: string | null;
  date: string | null;
  status: string | null;
  total: number | null;
  observations: string | null;
}

export function billFields(raw: unknown): BillFields {
  const template = asArray(field(raw, 'numberTemplate'))[0];
  return {
    providerRemoteId: remoteId(field(raw, 'provider', 'id')) ?? null,
    providerIdentification: identificationDigits(field(raw, 'provider', 'identificationObject', 'number')) ?? identificationDigits(field(raw, 'provider', 'identification')) ?? null,
    providerName: text(field(raw, 'provider', 'name')) ?? null,
    number: text(field(template, 'number')) ?? text(field(template, 'fullNumber')) ?? null,
    date: text(field(raw, 'date'))?.slice(0, 10) ?? null,
    status: text(field(raw, 'status')) ?? null,
    total: centavosOf(field(raw, 'total')) ?? null,
    observations: text(field(raw, 'observations')) ?? null,
  };
}

export function isActive(status: string | null | undefined): boolean {
  return !status || status.toLowerCase() === 'active';
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function stripChildren(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const { children: _children, ...own } = raw as Record<string, unknown>;
  return own;
}
