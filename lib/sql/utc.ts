import { Prisma } from "@/lib/generated/prisma/client";

/**
 * `date` as a SQL value for our `timestamp` columns, which hold UTC wall-clock time (as Prisma
 * writes them): independent of the database session's time zone. Read such a column back as a
 * Date with `column AT TIME ZONE 'UTC'`.
 */
export const utcTimestamp = (date: Date) => Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/**
 * One of those columns as the text `Date.prototype.toISOString()` writes (they keep milliseconds),
 * for values read inside json_build_object, where no Date comes back. `column` is SQL, not input.
 */
export const utcIsoText = (column: string) => Prisma.raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
