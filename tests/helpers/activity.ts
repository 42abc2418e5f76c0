import { db } from "@/lib/db";
import type { TestUser } from "@/tests/helpers/tenant";

/** A bell notification for `user` (unread unless `read`). */
export async function notify(user: TestUser, options: { read?: boolean; title?: string; createdAt?: Date } = {}) {
  return db.appNotification.create({
    data: {
      accountId: user.accountId,
      userId: user.id,
      type: "session.escalated",
      title: options.title ?? "A teammate escalated a session",
      body: "Test notification",
      link: "/pilot",
      readAt: options.read ? new Date() : null,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    },
  });
}

/** A draft template proposed by `user`, pending unless told otherwise. */
export async function draftBy(user: TestUser, status: "pending" | "accepted" | "rejected" = "pending") {
  return db.draftTemplate.create({
    data: {
      accountId: user.accountId,
      userId: user.id,
      name: `Draft (${status})`,
      language: "powershell",
      originalScript: "Get-Service spooler",
      templatedBody: "Get-Service {{service}}",
      status,
    },
  });
}
