import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { agentApi, type AgentApi } from '../lib/agent-api';

/** The agent's API as views see it; every view asks through this context. */
export const ApiContext = createContext<AgentApi>(agentApi);

export function useApi(): AgentApi {
  return useContext(ApiContext);
}
