import { Info } from "lucide-react";
import { RelativeTime } from "@/components/ui/relative-time";
import { MessageBubble } from "@/components/chat/message-bubble";
import type { StepKind } from "@/lib/generated/prisma/enums";

export type SessionStep = {
  id: string;
  kind: StepKind;
  content: string;
  createdAt: Date;
  user: { id: string; name: string } | null;
};

/** One step of the conversation: engineer on the right, FlowPilot on the left, events centred. */
export function ChatBubble({ step }: { step: SessionStep }) {
  if (step.kind === "engineer_action" || step.kind === "system_event") {
    return (
      <li className="flex justify-center">
        <p className="inline-flex max-w-[85%] items-center gap-2 rounded-full bg-slate-100 px-3 py-1 text-xs text-slate-600">
          <Info aria-hidden className="size-3.5 shrink-0" />
          <span className="min-w-0 wrap-anywhere">{step.content}</span>
          <RelativeTime date={step.createdAt} className="shrink-0 text-slate-600" />
        </p>
      </li>
    );
  }
  const fromEngineer = step.kind === "engineer_message";
  return (
    <MessageBubble
      from={fromEngineer ? "engineer" : "assistant"}
      author={fromEngineer ? (step.user?.name ?? "Engineer") : "FlowPilot"}
      meta={<RelativeTime date={step.createdAt} />}
    >
      {step.content}
    </MessageBubble>
  );
}
