"use client";

import { useState, useTransition } from "react";
import Link from "next/link";
import { ArrowLeft, Info } from "lucide-react";
import { publishKbArticleAction, updateKbArticleAction } from "@/app/(app)/knowledge/actions";
import type { KbArticleView } from "@/lib/knowledge/kb-article-view";
import { applyRedactions, withKept } from "@/lib/knowledge/kb-redaction";
import { runForErrorMessage } from "@/components/ui/action-error-message";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ErrorCallout } from "@/components/ui/error-callout";
import { focusRing } from "@/components/ui/focus-ring";
import { Spinner } from "@/components/ui/spinner";
import { textControl } from "@/components/ui/text-input";
import { showToast } from "@/components/ui/toast";
import { MarkdownText } from "@/components/pilot/markdown-text";
import { KbExportButton } from "@/components/knowledge/kb-export-button";
import { KbRedactionToggles } from "@/components/knowledge/kb-redaction-toggles";
import { FORMAT_LABEL, KbStatusBadge } from "@/components/knowledge/kb-status-badge";

type Props = { article: KbArticleView; canEdit: boolean };

const CONNECTWISE_NOTE =
  "FlowPilot does not post knowledge-base articles to ConnectWise yet. Export the Markdown and add it to ConnectWise's knowledge base.";

/**
 * L2: an article. Engineers and admins edit the title and body, choose which redacted details to
 * keep (re-rendered at once, without the AI), save, publish and export; viewers read and export.
 */
export function KbArticlePage({ article: initial, canEdit }: Props) {
  const [article, setArticle] = useState(initial);
  const [title, setTitle] = useState(initial.title);
  const [body, setBody] = useState(initial.body_markdown);
  const [redactions, setRedactions] = useState(initial.redactions);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const dirty = title !== article.title || body !== article.body_markdown || redactions.some((item, index) => item.keep !== article.redactions[index]?.keep);

  function toggle(placeholder: string, keep: boolean) {
    const kept = redactions.filter((item) => (item.placeholder === placeholder ? keep : item.keep)).map((item) => item.placeholder);
    const next = withKept(redactions, kept);
    setRedactions(next);
    setBody((text) => applyRedactions(text, next));
    setTitle((text) => applyRedactions(text, next));
  }

  async function save(): Promise<KbArticleView | null> {
    let saved: KbArticleView | null = null;
    const failure = await runForErrorMessage(async () => {
      const result = await updateKbArticleAction({ id: article.id, title, body_markdown: body, keep: redactions.filter((item) => item.keep).map((item) => item.placeholder) });
      saved = result?.data ?? null;
      return result;
    });
    setError(failure);
    if (!saved) return null;
    const view: KbArticleView = saved;
    setArticle(view);
    setTitle(view.title);
    setBody(view.body_markdown);
    setRedactions(view.redactions);
    return view;
  }

  function onSave() {
    startTransition(async () => {
      if (await save()) showToast({ tone: "success", title: "Article saved" });
    });
  }

  function onPublish() {
    startTransition(async () => {
      if (dirty && !(await save())) return;
      let published: KbArticleView | null = null;
      const failure = await runForErrorMessage(async () => {
        const result = await publishKbArticleAction({ id: article.id });
        published = result?.data ?? null;
        return result;
      });
      setError(failure);
      if (published) {
        setArticle(published);
        showToast({ tone: "success", title: "Article published", description: "Your team can find it in Knowledge." });
      }
    });
  }

  return (
    <div className="space-y-6">
      <header>
        <Link href="/knowledge" className={`inline-flex items-center gap-1 rounded text-sm font-medium text-slate-600 hover:text-slate-900 ${focusRing}`}>
          <ArrowLeft aria-hidden className="size-4" />
          Knowledge
        </Link>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{article.title}</h1>
          <KbStatusBadge status={article.status} />
          <span className="text-sm text-slate-600">{FORMAT_LABEL[article.format]}</span>
        </div>
        <p className="mt-1 text-sm text-slate-600">
          By {article.author.name ?? "a teammate"}
          {article.session_id && (
            <>
              {" · "}
              <Link href={`/pilot/${article.session_id}`} className="font-medium text-indigo-700 hover:underline">
                Source session
              </Link>
            </>
          )}
        </p>
      </header>

      {!article.ai_generated && article.fallback_reason && (
        <p className="flex items-start gap-2 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" role="status">
          <Info aria-hidden className="mt-0.5 size-4 shrink-0" />
          {article.fallback_reason}
        </p>
      )}
      {error && <ErrorCallout>{error}</ErrorCallout>}

      {canEdit ? (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <Card className="space-y-4 p-4">
            <div>
              <label htmlFor="kb-title" className="block text-sm font-medium text-slate-700">
                Title
              </label>
              <input id="kb-title" value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} className={cn(textControl, "mt-1 h-9")} />
            </div>
            <div>
              <label htmlFor="kb-body" className="block text-sm font-medium text-slate-700">
                Article (Markdown)
              </label>
              <textarea id="kb-body" value={body} onChange={(event) => setBody(event.target.value)} rows={18} className={cn(textControl, "mt-1 min-h-72 py-2 font-mono text-sm leading-relaxed")} />
            </div>
            <div className="flex flex-wrap gap-2">
              <Button type="button" onClick={onSave} disabled={pending || !dirty}>
                {pending && <Spinner />}
                Save
              </Button>
              {article.status === "draft" && (
                <Button type="button" variant="secondary" onClick={onPublish} disabled={pending}>
                  Publish
                </Button>
              )}
              <KbExportButton title={title} body={body} />
            </div>
          </Card>
          <div className="space-y-6">
            <Card className="space-y-3 p-4">
              <h2 className="text-sm font-semibold text-slate-900">Redacted details</h2>
              <KbRedactionToggles redactions={redactions} onToggle={toggle} disabled={pending} />
            </Card>
            <Card className="space-y-2 p-4">
              <h2 className="text-sm font-semibold text-slate-900">ConnectWise</h2>
              <p className="text-sm text-slate-600">{CONNECTWISE_NOTE}</p>
            </Card>
          </div>
        </div>
      ) : (
        <Card className="space-y-4 p-4">
          <MarkdownText markdown={article.body_markdown} />
          <KbExportButton title={article.title} body={article.body_markdown} />
        </Card>
      )}
    </div>
  );
}
