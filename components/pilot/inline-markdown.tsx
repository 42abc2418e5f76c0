import type { ReactNode } from "react";

// **bold**, `code`, and _italic_ / *italic* — the only inline marks our documents use.
const INLINE = /(\*\*[^*\n]+\*\*|`[^`\n]+`|(?<![\w*])_[^_\n]+_(?!\w)|(?<![\w*])\*[^*\n]+\*(?![\w*]))/g;

/** Renders the inline marks of one line of generated markdown as elements (never as HTML). */
export function InlineMarkdown({ text }: { text: string }): ReactNode {
  const parts = text.split(INLINE);
  if (parts.length === 1) return text;
  return parts.map((part, index) => {
    if (index % 2 === 0) return part;
    if (part.startsWith("**")) return <strong key={index} className="font-semibold text-slate-900">{part.slice(2, -2)}</strong>;
    if (part.startsWith("`")) return <code key={index} className="rounded bg-slate-100 px-1 font-mono text-[0.8125rem]">{part.slice(1, -1)}</code>;
    return <em key={index}>{part.slice(1, -1)}</em>;
  });
}
