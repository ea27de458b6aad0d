import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import * as authApi from '../api/auth';
import { ApiError, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import type { Session, User } from '../api/types';

interface AuthState {
  /** undefined while /auth/me is in flight; null when logged out. */
  user: User | null | undefined;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
  /** Set when a request answered 401 after the user had logged in. */
  expired: boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);

  const accept = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    setExpired(false);
    return session.user;
  }, []);

  useEffect(() => {
    authApi.fetchMe().then(accept, (err: unknown) => {
      if (!(err instanceof ApiError) || err.status !== 401) console.error(err);
      setUser(null);
    });
    // Any later 401 means the session ended: drop the user, the router sends them to /login.
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setUser((current) => {
        if (current) setExpired(true);
        return null;
      });
    });
    return () => setUnauthorizedHandler(null);
  }, [accept]);

  const login = useCallback(
    async (username: string, password: string) => accept(await authApi.login(username, password)),
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setCsrfToken(null);
      setUser(null);
    }
  }, []);

  const value = useMemo(() => ({ user, login, logout, expired }), [user, login, logout, expired]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The logged-in user; only for pages behind RequireAuth. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a logged-in user');
  return user;
}
