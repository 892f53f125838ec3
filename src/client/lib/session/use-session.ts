import { useEffect, useSyncExternalStore } from 'react';
import type { CallerRole } from '../../../shared/contract/session';
import { can } from '../../../shared/domain/access';
import type { Capability } from '../../../shared/domain/access';
import { ensureSession, getSessionState, subscribeSession } from './session-store';
import type { SessionState } from './session-store';

export type Role = CallerRole;

/** The session as the server last described it (asks once if nobody did yet). */
export function useSession(): SessionState {
  const s = useSyncExternalStore(subscribeSession, getSessionState, getSessionState);
  useEffect(() => ensureSession(), []);
  return s;
}

/** The caller's role; 'anonymous' until the server has answered (nothing privileged is shown meanwhile). */
export function useRole(): Role {
  return useSession().session?.role ?? 'anonymous';
}

/** Whether the signed-in role may use a capability (docs/decisions/0011) — for showing controls; the server still decides. */
export function useCan(capability: Capability): boolean {
  return can(useRole(), capability);
}
