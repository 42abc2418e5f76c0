import { env } from "@/lib/env";

/** Secure (`__Secure-`) cookies whenever the app is served over https. */
export const useSecureCookies = env.APP_URL.startsWith("https://");

/** The session cookie name; it is also the salt of the encrypted JWT inside it. */
export const sessionCookieName = `${useSecureCookies ? "__Secure-" : ""}authjs.session-token`;
