import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import type { Provider } from "next-auth/providers";
import { db } from "@/lib/db";
import { env, isEntraEnabled } from "@/lib/env";
import { SignInRefused, verifyCredentials } from "@/lib/auth/credentials";
import { sessionCookieName, useSecureCookies } from "@/lib/auth/session-cookie";

/** Carries the refusal reason (and wait) to the login form as the error's `code`. */
class RefusedSignIn extends CredentialsSignin {
  constructor(refusal: SignInRefused) {
    super(refusal.message);
    this.code = refusal.retryAfterSeconds ? `${refusal.reason}:${refusal.retryAfterSeconds}` : refusal.reason;
  }
}

const providers: Provider[] = [
  Credentials({
    credentials: { email: {}, password: {} },
    async authorize(credentials) {
      try {
        return await verifyCredentials(credentials);
      } catch (error) {
        if (error instanceof SignInRefused) throw new RefusedSignIn(error);
        throw error;
      }
    },
  }),
];

if (isEntraEnabled) {
  providers.push(
    MicrosoftEntraID({
      clientId: env.AUTH_MICROSOFT_ENTRA_ID_ID,
      clientSecret: env.AUTH_MICROSOFT_ENTRA_ID_SECRET,
      issuer: env.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
    }),
  );
}

/** Entra sign-in maps onto an existing, active FlowPilot user with the same email. */
async function findActiveUserByEmail(email: string | null | undefined) {
  if (!email) return null;
  return db.user.findFirst({ where: { email: email.trim().toLowerCase(), deletedAt: null }, select: { id: true } });
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  trustHost: true,
  useSecureCookies,
  cookies: { sessionToken: { name: sessionCookieName } },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  logger: {
    // A refused sign-in is an expected outcome, not a server error: one line, no stack.
    error(error) {
      if (error instanceof CredentialsSignin) console.warn(`[auth] sign-in refused: ${error.code}`);
      else console.error("[auth]", error);
    },
  },
  providers,
  callbacks: {
    async signIn({ account, user }) {
      if (account?.provider === "credentials") return true;
      return Boolean(await findActiveUserByEmail(user.email));
    },
    async jwt({ token, user, account }) {
      if (!user) return token;
      // The token carries only who signed in; role and removal are re-read on every request.
      const userId = account?.provider === "credentials" ? user.id : (await findActiveUserByEmail(user.email))?.id;
      return { ...token, sub: userId };
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
