import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/require-viewer";
import { AppError } from "@/lib/errors";
import { getSession } from "@/lib/sessions/read-session";
import { sessionIdParams } from "@/lib/sessions/schemas";
import { isInTransit } from "@/lib/sessions/statuses";
import { SessionView } from "@/components/pilot/session-view";

export const metadata: Metadata = { title: "Session" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function SessionPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const pickup = query.pickup === "true";
  const viewer = await requireViewer("signedIn", `/pilot/${encodeURIComponent(id)}${pickup ? "?pickup=true" : ""}`);
  if (!sessionIdParams.safeParse({ id }).success) notFound();
  const session = await getSession(viewer, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const inTransit = isInTransit(session.status);
  return <SessionView session={session} pickup={pickup} inTransit={inTransit} />;
}
