import type { Metadata } from "next";
import { FileCode2 } from "lucide-react";
import { requireViewer } from "@/lib/auth/require-viewer";
import { getSidebarCounts } from "@/lib/shell/sidebar-counts";
import { PageHeader } from "@/components/ui/page-header";
import { ComingSoonPanel } from "@/components/shell/coming-soon-panel";

export const metadata: Metadata = { title: "Scripts" };

export default async function ScriptsPage() {
  const viewer = await requireViewer("signedIn", "/scripts");
  const { pendingDrafts } = await getSidebarCounts(viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="Scripts" description="Your team's reusable scripts and the drafts waiting for review." />
      <ComingSoonPanel
        icon={FileCode2}
        title="Script library and builder"
        summary="Scripts that fixed a problem become team templates with typed parameters."
        planned={[
          "Browse templates by category, with where each came from (ticket and engineer).",
          "Generate a script from a template; sensitive parameters are never shown again.",
          "Review draft templates from resolved sessions: accept into the library or reject.",
          "Write a new script with the AI script builder.",
        ]}
      >
        <p className="mt-4 text-sm text-slate-700">
          {pendingDrafts === 0
            ? "No draft templates are waiting for review."
            : `${pendingDrafts} draft ${pendingDrafts === 1 ? "template is" : "templates are"} waiting for review; reviewing them arrives with this page.`}
        </p>
      </ComingSoonPanel>
    </div>
  );
}
