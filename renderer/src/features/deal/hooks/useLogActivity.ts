import { createContext, useContext } from 'react';

/** Opens the deal's "Log activity" dialog; provided by the workspace page around its tabs. */
export const LogActivityContext = createContext<(() => void) | null>(null);

/** The function that opens the open deal's "Log activity" dialog. */
export function useOpenLogActivity(): () => void {
  const open = useContext(LogActivityContext);
  if (!open) throw new Error('useOpenLogActivity needs the deal workspace page above it');
  return open;
}
