import { MessagesSquare } from "lucide-react";
import { Card } from "@/components/ui/card";
import { ChatBubble, type SessionStep } from "@/components/pilot/chat-bubble";

/** The session's chat so far, read-only. */
export function Conversation({ steps }: { steps: SessionStep[] }) {
  return (
    <Card aria-labelledby="conversation-heading" className="min-w-0 p-4 sm:p-5">
      <h2 id="conversation-heading" className="flex items-center gap-2 text-sm font-semibold text-slate-900">
        <MessagesSquare aria-hidden className="size-4 text-slate-500" />
        Conversation
      </h2>
      {steps.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">No messages yet.</p>
      ) : (
        <ol aria-label="Messages" className="mt-4 space-y-4">
          {steps.map((step) => (
            <ChatBubble key={step.id} step={step} />
          ))}
        </ol>
      )}
    </Card>
  );
}
