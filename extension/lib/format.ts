import type { AgentStatus } from '#shared/agent';
import type { ClassificationSource } from '#shared/classification';
import type { DocumentStatus } from '#shared/inbox';

const BOGOTA = 'America/Bogota';

/** `72` → `"1 h 12 min"`; `9` → `"0 h 9 min"`: time saved is always shown as hours and minutes. */
export function formatTimeSaved(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  return `${Math.floor(total / 60)} h ${total % 60} min`;
}

const longDate = new Intl.DateTimeFormat('es-CO', { weekday: 'long', day: 'numeric', month: 'long', timeZone: BOGOTA });
const dateTime = new Intl.DateTimeFormat('es-CO', { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZone: BOGOTA });
const shortDate = new Intl.DateTimeFormat('es-CO', { day: 'numeric', month: 'short', year: 'numeric', timeZone: BOGOTA });

/** `"2026-11-27"` (a Bogotá date) → `"viernes, 27 de noviembre"`. */
export function formatLongDate(date: string): string {
  // Noon in Bogotá is the same calendar day everywhere the browser may run.
  return longDate.format(new Date(`${date}T12:00:00-05:00`));
}

/** `"2026-11-27"` → `"27 nov 2026"`. */
export function formatShortDate(date: string): string {
  return shortDate.format(new Date(`${date}T12:00:00-05:00`));
}

/** An instant, as Bogotá sees it: `"27 nov, 9:20 a. m."`. */
export function formatDateTime(instant: string): string {
  return dateTime.format(new Date(instant));
}

/** Where a line's account came from, as the panel explains it. */
export const SOURCE_LABELS: Record<ClassificationSource, string> = {
  history: 'Historial de compras',
  inventory: 'Producto del inventario',
  activity: 'Actividad económica',
  rule: 'Regla general',
  user: 'Elegida por una persona',
};

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  pending: 'En proceso',
  registered: 'Registrada',
  not_registered: 'No registrada',
  arrived_while_paused: 'Llegó con el agente desactivado',
  duplicate: 'Repetida',
  ignored: 'No es una compra',
};

export const AGENT_STATUS_LABELS: Record<AgentStatus, string> = {
  active: 'Activo',
  paused: 'Desactivado',
  inactive: 'Sin activar',
};
