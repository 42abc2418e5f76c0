"use client";

import { useState } from "react";
import { Command, defaultFilter } from "cmdk";
import { ArrowUpRight, CheckCircle2, Hand, Keyboard, MessageSquareText, NotebookPen, Plus, Search } from "lucide-react";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { navItems } from "@/components/shell/nav-items";
import { Kbd } from "@/components/command-palette/kbd";
import { NoMatches } from "@/components/command-palette/no-matches";
import { PAGE_COMMANDS, runPageCommand, type PageCommandId } from "@/components/command-palette/page-commands";
import { canStartSession, navigationCommands, newSessionHref, sessionHref } from "@/components/command-palette/palette-commands";
import { PaletteGroup } from "@/components/command-palette/palette-group";
import { PaletteItem } from "@/components/command-palette/palette-item";
import { openShortcutsOverlay } from "@/components/command-palette/palette-store";
import { SESSION_VALUE_PREFIX, SessionResults, SessionSearchStatus } from "@/components/command-palette/session-results";
import { useSessionSearch } from "@/components/command-palette/use-session-search";

const PAGE_COMMAND_ICONS = { resolve: CheckCircle2, escalate: ArrowUpRight, "add-note": NotebookPen, "focus-chat": MessageSquareText, "pick-up": Hand };

/** Sessions are matched by the server, so they always stay; they rank below commands that match well. */
function paletteFilter(value: string, search: string, keywords?: string[]): number {
  if (value.startsWith(SESSION_VALUE_PREFIX)) return Math.max(defaultFilter(value, search, keywords), 0.001);
  return defaultFilter(value, search, keywords);
}

/** The section icon for a destination, so rows look like the sidebar. */
function iconFor(href: string) {
  return navItems.find((item) => href === item.href || href.startsWith(`${item.href}/`))?.icon ?? Search;
}

type Props = {
  role: UserRole;
  /** The page commands found when the palette opened. */
  pageCommands: PageCommandId[];
  /** Closes the palette and opens `href`. */
  onGo: (href: string) => void;
  /** Closes the palette, then runs `then` (false from it means nothing took focus). */
  onClose: (then: () => boolean | void) => void;
};

/** The palette's search box and rows; mounted with each opening, so it starts empty. */
export function PaletteBody({ role, pageCommands, onGo, onClose }: Props) {
  const [text, setText] = useState("");
  const sessions = useSessionSearch(text);
  const offered = PAGE_COMMANDS.filter((command) => pageCommands.includes(command.id));

  return (
    <>
      <Command label="Search or run a command" filter={paletteFilter} loop vimBindings={false}>
        <div className="flex items-center gap-2 border-b border-slate-200 pr-20 pl-4">
          <Search aria-hidden className="size-4 shrink-0 text-slate-400" />
          <Command.Input
            value={text}
            onValueChange={setText}
            maxLength={200}
            placeholder="Search pages, sessions and commands…"
            className="h-12 min-w-0 flex-1 bg-transparent text-sm text-slate-900 outline-none placeholder:text-slate-500"
          />
        </div>
        <Command.List label="Commands and sessions" className="max-h-[min(60vh,26rem)] scroll-py-2 overflow-y-auto overscroll-contain py-1">
          <NoMatches searchingSessions={sessions.state !== "idle"} />
          {offered.length > 0 && (
            <PaletteGroup heading="This page">
              {offered.map((command) => (
                <PaletteItem
                  key={command.id}
                  value={command.label}
                  keywords={[...command.keywords]}
                  icon={PAGE_COMMAND_ICONS[command.id]}
                  onSelect={() => onClose(() => runPageCommand(document, command.id))}
                >
                  {command.label}
                </PaletteItem>
              ))}
            </PaletteGroup>
          )}
          <PaletteGroup heading="Go to">
            {navigationCommands(role).map((command) => (
              <PaletteItem key={command.id} value={command.label} keywords={command.keywords} icon={iconFor(command.href)} onSelect={() => onGo(command.href)}>
                {command.label}
              </PaletteItem>
            ))}
          </PaletteGroup>
          <PaletteGroup heading="Actions">
            {canStartSession(role) && (
              <PaletteItem value="New session" keywords={["start", "create", "troubleshoot"]} icon={Plus} onSelect={() => onGo(newSessionHref(window.location))}>
                New session
              </PaletteItem>
            )}
            <PaletteItem
              value="Keyboard shortcuts"
              keywords={["help", "keys", "hotkeys"]}
              icon={Keyboard}
              onSelect={() => onClose(() => openShortcutsOverlay({ fromPalette: true }))}
              hint={<Kbd>?</Kbd>}
              keyShortcuts="?"
            >
              Keyboard shortcuts
            </PaletteItem>
          </PaletteGroup>
          <SessionResults search={sessions} onOpen={(session) => onGo(sessionHref(session))} />
        </Command.List>
      </Command>
      <SessionSearchStatus search={sessions} />
      <div aria-hidden className="flex flex-wrap items-center gap-x-4 gap-y-1 border-t border-slate-200 bg-slate-50 px-4 py-2 text-xs text-slate-600">
        <span className="flex items-center gap-1">
          <Kbd>↑</Kbd>
          <Kbd>↓</Kbd> to move
        </span>
        <span className="flex items-center gap-1">
          <Kbd>Enter</Kbd> to run
        </span>
        <span className="flex items-center gap-1">
          <Kbd>Esc</Kbd> to close
        </span>
      </div>
    </>
  );
}
