import { test, type APIRequestContext, type Page } from "@playwright/test";
import { settlePage } from "./settle-page";
import { demoSessions } from "../../prisma/seed-data";
import type { Role } from "./sign-in";

/** One page of the app as a person opens it: who is signed in and where they go. */
export type AppPage = { name: string; path: string; role: Role };

/** The first seeded script template's id, read through the API as the owner sees the library. */
async function firstTemplateId(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/v1/scripts/templates");
  const body = (await response.json()) as { templates?: { id: string }[]; items?: { id: string }[] };
  const id = (body.templates ?? body.items ?? [])[0]?.id;
  if (!id) throw new Error(`No script template to open (${response.status()})`);
  return id;
}

/**
 * Every page of the signed-in app, with a role that can open it, plus the sign-in page. Dynamic
 * pages use seeded data: the demo sessions and the first library template. `request` is an API
 * client signed in as the owner.
 */
export async function appPages(ownerRequest: APIRequestContext): Promise<AppPage[]> {
  const templateId = await firstTemplateId(ownerRequest);
  return [
    { name: "my sessions", path: "/pilot", role: "junior" },
    { name: "working session", path: `/pilot/${demoSessions.active}`, role: "junior" },
    { name: "resolved session", path: `/pilot/${demoSessions.resolved}`, role: "junior" },
    { name: "pickup screen", path: `/pilot/${demoSessions.escalated}?pickup=true`, role: "senior" },
    { name: "escalations", path: "/escalations", role: "senior" },
    { name: "tickets", path: "/tickets", role: "junior" },
    { name: "scripts library", path: "/scripts", role: "junior" },
    { name: "knowledge", path: "/knowledge", role: "junior" },
    { name: "script template", path: `/scripts/templates/${templateId}`, role: "junior" },
    { name: "edit template", path: `/scripts/templates/${templateId}/edit`, role: "admin" },
    { name: "new template", path: "/scripts/templates/new", role: "admin" },
    { name: "draft templates", path: "/scripts/drafts", role: "admin" },
    { name: "script builder", path: "/scripts/builder", role: "junior" },
    { name: "analytics", path: "/analytics", role: "senior" },
    { name: "settings", path: "/settings", role: "owner" },
    { name: "members", path: "/settings/members", role: "owner" },
    { name: "audit", path: "/settings/audit", role: "owner" },
    { name: "security", path: "/settings/security", role: "junior" },
    { name: "dev mailbox", path: "/dev/mailbox", role: "owner" },
    { name: "viewer's sessions", path: "/pilot", role: "viewer" },
  ];
}

type PageOpeners = { pageAs: (role: Role) => Promise<Page>; ownerRequest: APIRequestContext };

/**
 * Opens every page of `appPages`, one tab per role (set up once by `prepareTab`: viewport, media),
 * waits until each has settled and runs `check` on it as its own step.
 */
export async function visitEveryPage(
  { pageAs, ownerRequest }: PageOpeners,
  prepareTab: (page: Page) => Promise<void>,
  check: (page: Page, entry: AppPage) => Promise<void>,
): Promise<void> {
  const pages = await appPages(ownerRequest);
  test.setTimeout(pages.length * 20_000);
  const tabs = new Map<Role, Page>();
  for (const entry of pages) {
    await test.step(`${entry.name} (${entry.path}) as ${entry.role}`, async () => {
      let page = tabs.get(entry.role);
      if (!page) {
        page = await pageAs(entry.role);
        await prepareTab(page);
        tabs.set(entry.role, page);
      }
      await page.goto(entry.path);
      await settlePage(page);
      await check(page, entry);
    });
  }
}
