// `npm run migrate`: applies pending migrations to DATABASE_URL, e.g. before deploying the
// functions (they also migrate on a cold start, under the same lock, and then find nothing to do).
import { migrate, openPostgres } from './db'

async function main() {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('DATABASE_URL is required (postgres://user:password@host:5432/db)')
  const db = await openPostgres(url, 1, { connectTimeoutMs: 10_000 })
  try {
    const applied = await migrate(db)
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema up to date')
  } finally {
    await db.close()
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
