import { requireViewer } from "@/lib/auth/require-viewer";
import { listMySessions } from "@/lib/sessions/read-session";

export default async function PilotPage() {
  const viewer = await requireViewer("signedIn", "/pilot");
  const sessions = await listMySessions(viewer, { limit: 50 });
  return (
    <main className="p-6">
      <h1 className="text-xl font-semibold">My sessions</h1>
      <ul>{sessions.map((session) => <li key={session.id}>{session.title}</li>)}</ul>
    </main>
  );
}
