import type { CompanyProfile } from '#shared/company';
import type { Agent } from '../agent/agent';

/** What every authenticated route finds in the context. */
export interface ApiEnv {
  Variables: {
    agent: Agent;
    company: CompanyProfile;
    /** Who acts, for the audit trail: the user name the panel sends (`X-Usuario`), else "api". */
    actor: string;
  };
}

export interface ApiErrorBody {
  error: { code: string; message: string };
}
