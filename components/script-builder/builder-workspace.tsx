"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { Card } from "@/components/ui/card";
import { BuilderConversation } from "@/components/script-builder/builder-conversation";
import { CurrentScriptPanel } from "@/components/script-builder/current-script-panel";
import type { BuilderSnapshot } from "@/components/script-builder/builder-types";
import { useBuilderChat } from "@/components/script-builder/use-builder-chat";

/** H4 standalone: the chat with streaming replies on the left, the current script on the right; stacked on a phone. */
export function BuilderWorkspace({ session }: { session: BuilderSnapshot }) {
  const router = useRouter();
  const [, startRefresh] = useTransition();
  // The chat keeps its own state; the refresh only brings the header up to date (a first message names the session).
  const chat = useBuilderChat(session, () => startRefresh(() => router.refresh()));
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <Card aria-label="Builder conversation" className="flex h-[32rem] flex-col overflow-hidden lg:h-[calc(100dvh-13rem)]">
        <BuilderConversation className="flex-1" chat={chat} />
      </Card>
      <Card className="flex flex-col p-4 lg:h-[calc(100dvh-13rem)]">
        <CurrentScriptPanel className="flex-1" title={session.title} language={session.language} script={chat.script} parameters={chat.parameters} />
      </Card>
    </div>
  );
}
