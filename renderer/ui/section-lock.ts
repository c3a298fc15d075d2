/**
 * Whether the section a screen edits is locked (the facilitator locked it
 * once agreed): fields under a locked section read only. Provided by the
 * facilitation feature's `LockedSection` around a step's screen; read by
 * editors a disabled `<fieldset>` does not reach (rich text).
 */
import { createContext, useContext } from 'react';

export const SectionLockedContext = createContext(false);

/** True inside a locked section. */
export function useSectionLocked(): boolean {
  return useContext(SectionLockedContext);
}
