import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { env } from "@/lib/env";
import "./globals.css";

const description = "AI-guided troubleshooting and escalation for MSP engineers.";

// The favicon comes from app/icon.svg; public/ holds what is rendered from it (scripts/render-public-assets.ts).
export const metadata: Metadata = {
  // Resolves the social image to an absolute URL, as link previews need.
  metadataBase: new URL(env.APP_URL),
  title: { default: "FlowPilot", template: "%s · FlowPilot" },
  description,
  manifest: "/manifest.webmanifest",
  openGraph: {
    type: "website",
    siteName: "FlowPilot",
    title: "FlowPilot",
    description,
    images: [{ url: "/og-image.png", width: 1200, height: 630, alt: "FlowPilot: " + description }],
  },
  twitter: { card: "summary_large_image", images: ["/og-image.png"] },
};

export const viewport: Viewport = { themeColor: "#4f46e5" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next stamps the request's CSP nonce (proxy.ts) on its scripts
  // while rendering, and a page prerendered at build would carry none.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
