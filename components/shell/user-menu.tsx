"use client";

import Link from "next/link";
import { useRef, useState, useTransition } from "react";
import { DropdownMenu } from "radix-ui";
import { ChevronDown, LogOut, Mail, MonitorX, Settings } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { MenuContent } from "@/components/ui/menu-content";
import { MenuItem } from "@/components/ui/menu-item";
import { ShortcutsMenuItem } from "@/components/command-palette/shortcuts-menu-item";
import { SignOutEverywhereDialog } from "@/components/shell/sign-out-everywhere-dialog";
import { signOutAction } from "@/app/(app)/actions";

export type UserMenuProps = {
  name: string;
  email: string;
  role: string;
  accountName: string;
  /** True when mail is kept in the in-app dev mailbox (no email provider configured). */
  devMailbox?: boolean;
};

function initials(name: string) {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

/** Who is signed in, in which account and role, and the way out. */
export function UserMenu({ name, email, role, accountName, devMailbox = false }: UserMenuProps) {
  const [signingOut, startSignOut] = useTransition();
  // The confirmation lives outside the menu, which closes (and unmounts its items) when one is chosen.
  const [confirmEverywhere, setConfirmEverywhere] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);

  function signOut(event: Event) {
    event.preventDefault();
    startSignOut(async () => {
      await signOutAction();
    });
  }

  return (
    <>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger asChild>
          <Button ref={triggerRef} variant="ghost" className="h-10 gap-2 px-2" aria-label={`Account menu for ${name}`}>
            <span aria-hidden className="flex size-8 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-700">
              {initials(name)}
            </span>
            <span className="hidden text-left sm:block">
              <span className="block text-sm leading-tight font-medium text-slate-900">{name}</span>
              <span className="block text-xs leading-tight text-slate-500">{accountName}</span>
            </span>
            <ChevronDown aria-hidden className="size-4 text-slate-400" />
          </Button>
        </DropdownMenu.Trigger>
        <MenuContent className="w-64">
          <DropdownMenu.Label className="px-2.5 py-2">
            <span className="block font-semibold text-slate-900">{name}</span>
            <span className="block truncate text-slate-600">{email}</span>
            <span className="mt-2 flex items-center gap-2">
              <Badge tone="indigo" className="capitalize">{role}</Badge>
              <span className="truncate text-xs text-slate-500">{accountName}</span>
            </span>
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <MenuItem asChild>
            <Link href="/settings">
              <Settings aria-hidden className="size-4 text-slate-500" />
              Settings
            </Link>
          </MenuItem>
          <ShortcutsMenuItem />
          {devMailbox && (
            <MenuItem asChild>
              <Link href="/dev/mailbox">
                <Mail aria-hidden className="size-4 text-slate-500" />
                Dev mailbox
              </Link>
            </MenuItem>
          )}
          <MenuItem onSelect={signOut} disabled={signingOut}>
            <LogOut aria-hidden className="size-4 text-slate-500" />
            {signingOut ? "Signing out…" : "Sign out"}
          </MenuItem>
          <MenuItem onSelect={() => setConfirmEverywhere(true)} disabled={signingOut}>
            <MonitorX aria-hidden className="size-4 text-slate-500" />
            Sign out everywhere
          </MenuItem>
        </MenuContent>
      </DropdownMenu.Root>
      <SignOutEverywhereDialog open={confirmEverywhere} onOpenChange={setConfirmEverywhere} returnFocusTo={triggerRef} />
    </>
  );
}
