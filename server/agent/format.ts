import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { BOGOTA } from '#shared/bogota-time';

/** "27/11/2026 23:59:05" in Bogotá time, when the seconds are the point. */
export function bogotaSecondsText(instant: Date): string {
  return format(new TZDate(instant.getTime(), BOGOTA), 'dd/MM/yyyy HH:mm:ss');
}

/** "27/11/2026 23:59" in Bogotá time, for reasons people read. */
export function bogotaTimeText(instant: Date): string {
  return format(new TZDate(instant.getTime(), BOGOTA), 'dd/MM/yyyy HH:mm');
}
