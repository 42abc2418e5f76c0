import NextAuth, { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import Credentials from "next-auth/providers/credentials";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import type { Provider } from "next-auth/providers";
import { db } from "@/lib/db";
import { env, isEntraEnabled } from "@/lib/env";
import { clientAddress } from "@/lib/auth/client-address";
import { SignInRefused, verifyCredentials, type SignedInUser } from "@/lib/auth/credentials";
import { entraEmail, issuerTenantId, resolveEntraSignIn } from "@/lib/auth/entra-sign-in";
import { sessionCookieName, useSecureCookies } from "@/lib/auth/session-cookie";
import { openSignIn } from "@/lib/auth/sign-ins/open-sign-in";
import { revokeSignIn } from "@/lib/auth/sign-ins/revoke-sign-ins";
import { runInSystemScope } from "@/lib/tenancy/scope";

declare module "next-auth" {
  interface User {
    accountId?: string;
    /** The sign-in row this session token stands for (see lib/auth/sign-ins). */
    signInId?: string;
  }
}

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
    async authorize(credentials, request) {
      try {
        return await verifyCredentials(credentials, { address: clientAddress(request) });
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
      checks: ["pkce", "state", "nonce"],
      // Replaces the provider's default, which also fetches the Graph profile photo on every
      // sign-in and puts it in the cookie; FlowPilot shows no photos. The email falls back to
      // the UPN, since Entra leaves `email` out for accounts without a mailbox.
      profile: (claims) => ({ id: claims.sub, name: claims.name, email: entraEmail(claims) }),
    }),
  );
}

/** The directory Entra sign-ins must come from, when the issuer names one. */
const entraTenantId = issuerTenantId(env.AUTH_MICROSOFT_ENTRA_ID_ISSUER);

/** The FlowPilot user an Entra sign-in resolved to (signIn accepted the same email). */
async function findActiveUserByEmail(email: string | null | undefined) {
  if (!email) return null;
  const where = { email: email.trim().toLowerCase(), deletedAt: null };
  return runInSystemScope("identity-lookup", () => db.user.findFirst({ where, select: { id: true, accountId: true } }));
}

/** The signing-in browser's User-Agent; sign-in runs inside a request (a server action or the OAuth callback). */
async function signingInUserAgent(): Promise<string | null> {
  try {
    return (await headers()).get("user-agent");
  } catch {
    return null;
  }
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
  events: {
    // Ends this browser's sign-in on the server, so a copy of the cookie stops working too.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      const { sub, accountId, signInId } = token ?? {};
      if (typeof sub !== "string" || typeof accountId !== "string" || typeof signInId !== "string") return;
      await revokeSignIn({ userId: sub, accountId }, signInId);
    },
  },
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.provider === "credentials") return true;
      if (account?.provider !== "microsoft-entra-id" || !profile) return false;
      // Maps the Microsoft account onto a user (accepting an open invitation); a refusal goes
      // back to the login page, which names the reason.
      const outcome = await resolveEntraSignIn(profile, { tenantId: entraTenantId });
      return "refusal" in outcome ? `/login?error=${outcome.refusal}` : true;
    },
    async jwt({ token, user, account }) {
      if (!user) return token;
      // The token carries who signed in, their account (the data scope every request runs in) and
      // the sign-in's row; role, removal and the row itself are re-read on every request.
      const signedIn = account?.provider === "credentials" ? (user as SignedInUser) : await findActiveUserByEmail(user.email);
      if (!signedIn) return { ...token, sub: undefined };
      const signInId = await openSignIn(signedIn, await signingInUserAgent());
      return { ...token, sub: signedIn.id, accountId: signedIn.accountId, signInId };
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.accountId === "string") session.user.accountId = token.accountId;
      if (typeof token.signInId === "string") session.user.signInId = token.signInId;
      return session;
    },
  },
});
