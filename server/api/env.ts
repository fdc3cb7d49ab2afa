import type { CompanyProfile } from '#shared/company';
import type { Agent } from '../agent/agent';
import type { Actor } from '../users/actor';
import type { Role } from '../users/permissions';
import type { User } from '../users/users';

/** What every authenticated route finds in the context (set by the access guard, server/api/access.ts). */
export interface ApiEnv {
  Variables: {
    agent: Agent;
    /** The person whose token this is. */
    user: User;
    /** The company the request is about (not set on `/companies`). */
    company: CompanyProfile;
    /** The person's role in that company. */
    role: Role;
    /** Who acts, for the audit trail: the person (id and name). */
    actor: Actor;
  };
}

export interface ApiErrorBody {
  error: { code: string; message: string };
}
