import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Permission } from '../../server/users/permissions';

/**
 * What the person may do in this company (`/me`'s `user.permissions`), so views offer only that; the API refuses
 * the rest anyway. The panel provides it once it knows the person; until then (and where nobody provided it)
 * nothing beyond reading is assumed.
 */
export const PermissionsContext = createContext<readonly Permission[]>([]);

export function useMay(): (permission: Permission) => boolean {
  const permissions = useContext(PermissionsContext);
  return (permission) => permissions.includes(permission);
}
