import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { theme } from 'antd';
import type { GlobalToken } from 'antd';

/** antd's default light tokens, for a component rendered outside the app (a unit test). */
const DEFAULT_TOKEN: GlobalToken = theme.getDesignToken();

const TokenContext = createContext<GlobalToken>(DEFAULT_TOKEN);

/**
 * The theme's design tokens, read once for the whole app. antd's `theme.useToken()` hashes the
 * entire token object on every call to find its cache entry; in a component that renders many
 * times (a board column at every step of a drag, a row of a long list) that hashing costs more
 * than the rendering. Components on hot paths read the tokens from here instead.
 */
export function TokenProvider({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return <TokenContext.Provider value={token}>{children}</TokenContext.Provider>;
}

/** The current theme's tokens (see `TokenProvider`). */
export function useAppToken(): GlobalToken {
  return useContext(TokenContext);
}
