import type { ReactNode } from "react";
import { MessageBubble, type BubbleDensity } from "@/components/chat/message-bubble";
import { TypingIndicator } from "@/components/chat/typing-indicator";

type Props = {
  author: string;
  /** What the assistant is doing once words arrive ("replying…", "writing…"). */
  writing: string;
  /** Whether the first words have arrived. */
  started: boolean;
  density?: BubbleDensity;
  testId: string;
  /** The words so far, as this chat shows them. */
  children: ReactNode;
};

/** The assistant's reply while it streams: the typing indicator until the first words, then the words, never folded. */
export function ReplyInProgress({ author, writing, started, density, testId, children }: Props) {
  return (
    <MessageBubble from="assistant" author={author} meta={started ? writing : "thinking…"} density={density} testId={testId} collapsible={false}>
      {started ? children : <TypingIndicator />}
    </MessageBubble>
  );
}
