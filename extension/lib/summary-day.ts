import type { AgentState } from '#shared/agent';
import type { DailySummary } from '#shared/summary';

export type SummaryDay = 'yesterday' | 'today';

const bogotaDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Which day's summary to show first: yesterday's, like the midnight summary users were promised; but right after
 * the agent was activated yesterday is empty by definition, and today's is what there is to see (issue 17).
 */
export function firstSummaryDay(state: AgentState, yesterday: DailySummary, today: DailySummary): SummaryDay {
  const emptyYesterday = yesterday.registered === 0 && yesterday.notRegistered === 0 && yesterday.pending === 0;
  const activeSinceToday = state.activeSince !== undefined && bogotaDay.format(new Date(state.activeSince)) === today.date;
  return emptyYesterday && activeSinceToday ? 'today' : 'yesterday';
}
