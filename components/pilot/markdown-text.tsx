import { InlineMarkdown } from "@/components/pilot/inline-markdown";
import { parseMarkdownBlocks } from "@/components/pilot/parse-markdown-blocks";

/** Renders a generated document (escalation package, resolution note) as simple, safe blocks; long words wrap. */
export function MarkdownText({ markdown }: { markdown: string }) {
  const blocks = parseMarkdownBlocks(markdown);
  return (
    <div className="space-y-2 text-sm leading-relaxed wrap-anywhere text-slate-800">
      {blocks.map((block, index) => {
        if (block.kind === "heading") {
          return (
            <h4 key={index} className="pt-2 text-xs font-semibold tracking-wide text-slate-500 uppercase first:pt-0">
              {block.text}
            </h4>
          );
        }
        if (block.kind === "list") {
          const List = block.ordered ? "ol" : "ul";
          return (
            <List key={index} className={`${block.ordered ? "list-decimal" : "list-disc"} space-y-1 pl-5`}>
              {block.items.map((item, itemIndex) => (
                <li key={itemIndex}>
                  <InlineMarkdown text={item} />
                </li>
              ))}
            </List>
          );
        }
        return (
          <p key={index}>
            <InlineMarkdown text={block.text} />
          </p>
        );
      })}
    </div>
  );
}
