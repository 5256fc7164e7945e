import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { PursuitDatabase } from '@renderer/db/database';
import type { WriteEnv } from '@renderer/db/write';

interface DatabaseContextValue {
  readonly db: PursuitDatabase;
  readonly env: WriteEnv;
}

const DatabaseContext = createContext<DatabaseContextValue | null>(null);

/** Gives the tree below the database and the write environment (clock, ids, actor). */
export function DatabaseProvider({
  db,
  env,
  children,
}: DatabaseContextValue & { children: ReactNode }) {
  return <DatabaseContext.Provider value={{ db, env }}>{children}</DatabaseContext.Provider>;
}

/** The database and write environment; for hooks in `renderer/src/db/hooks/` only. */
export function useDatabaseContext(): DatabaseContextValue {
  const value = useContext(DatabaseContext);
  if (!value) throw new Error('useDatabaseContext needs a <DatabaseProvider> above it');
  return value;
}
