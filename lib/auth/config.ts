import type { DefaultSession, NextAuthConfig } from 'next-auth';
import type { Role } from '@/db/schema';

/**
 * Database-free Auth.js settings: safe to import anywhere (a proxy, a test). The providers and the
 * callbacks that read the database are added in lib/auth/index.ts.
 */

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; name: string; email: string; role: Role } & DefaultSession['user'];
    /** The session version the cookie was issued with (see users.session_version). */
    sv?: number;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    /** users.id */
    uid?: number;
    /** users.session_version when the token was issued; an older one than the database's is void. */
    sv?: number;
    role?: Role;
  }
}

export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;

export const authConfig = {
  pages: { signIn: '/signin', error: '/signin' },
  // Credentials sign-in needs JWT sessions; the JWT callback re-reads the user on every use anyway.
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE, updateAge: 24 * 60 * 60 },
  // The Host header decides the URL (and https → Secure cookies); the server sits behind our own proxy.
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      // Only on sign-in: `user` is what `authorize` (or the OAuth profile) returned.
      if (user?.id && user.sessionVersion !== undefined) {
        token.uid = Number(user.id);
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      // What `/api/auth/session` and `auth()` expose: no email verification state, no versions.
      session.user = {
        ...session.user,
        id: String(token.uid ?? ''),
        name: token.name ?? '',
        email: token.email ?? '',
        role: token.role ?? 'reader',
      };
      session.sv = token.sv;
      return session;
    },
  },
} satisfies NextAuthConfig;
