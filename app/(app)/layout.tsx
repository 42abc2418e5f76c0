import type { ReactNode } from "react";
import { requireViewer } from "@/lib/auth/require-viewer";

export default async function AppLayout({ children }: { children: ReactNode }) {
  await requireViewer("signedIn");
  return <div className="min-h-screen">{children}</div>;
}
