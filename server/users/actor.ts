/**
 * Who did something, for the audit trail: the person's user id and the name people read. The console without
 * `--usuario` and older callers have no user id; a bare string is such a name (kept so callers that only know a
 * name, like the agent's own jobs and older tests, need not invent an id).
 */
export interface Actor {
  id: string | null;
  name: string;
}

export type ActorLike = Actor | string;

export function actorName(actor: ActorLike): string {
  const name = typeof actor === 'string' ? actor : actor.name;
  return name.trim() || 'desconocido';
}

export function actorId(actor: ActorLike): string | null {
  return typeof actor === 'string' ? null : actor.id;
}

/** The person acting at the console without naming a user: «consola (ana)», ana being the system user. */
export function consoleActor(env: NodeJS.ProcessEnv = process.env): Actor {
  return { id: null, name: `consola (${env.USER ?? env.USERNAME ?? 'usuario del sistema'})` };
}
