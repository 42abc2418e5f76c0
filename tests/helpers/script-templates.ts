import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { parametersSchemaInput } from "@/lib/scripts/parameter-schema";
import { insertScriptTemplate, type InsertTemplateInput } from "@/lib/scripts/templates/insert-template";
import type { TestUser } from "@/tests/helpers/tenant";

/** A real PowerShell body with a text and a secret parameter. */
export const SPOOLER_BODY = "Restart-Service -Name Spooler -ComputerName {{computer}} -Force\n# run as {{admin_password}}";
export const SPOOLER_PARAMETERS = parametersSchemaInput.parse([
  { name: "computer", label: "Print server", type: "text" },
  { name: "admin_password", label: "Admin password", type: "secret" },
]);

/** A library template of `user`'s account, written the way the service writes one (version-1 row included). */
export async function createTemplateFor(user: TestUser, overrides: Partial<Omit<InsertTemplateInput, "accountId">> = {}) {
  return db.$transaction((tx) =>
    insertScriptTemplate(tx, {
      accountId: user.accountId,
      createdById: user.id,
      name: `Restart the print spooler ${randomUUID().slice(0, 6)}`,
      description: "Restarts a stuck spooler on a print server.",
      language: "powershell",
      body: SPOOLER_BODY,
      parameters: SPOOLER_PARAMETERS,
      categoryId: null,
      source: null,
      ...overrides,
    }),
  );
}

/** A category of `accountId` with a unique name unless one is given. */
export async function createCategoryFor(accountId: string, name = `Category ${randomUUID().slice(0, 8)}`) {
  return db.scriptCategory.create({ data: { accountId, name } });
}
