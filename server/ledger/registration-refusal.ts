import type { NotRegisteredReason } from '#shared/inbox';

/** A document that cannot be booked honestly. It stays in the inbox as not registered, with this reason. */
export class RegistrationRefusal extends Error {
  override readonly name = 'RegistrationRefusal';
  constructor(
    readonly code: NotRegisteredReason,
    message: string,
  ) {
    super(message);
  }
}
