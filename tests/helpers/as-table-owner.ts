import pg from "pg";

/**
 * Runs DDL as the tables' owner (the test database's login user, without the app's role), for a
 * test that changes the schema around the code under test: the app's own role may not.
 */
export async function asTableOwner(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
