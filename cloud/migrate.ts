// `npm run migrate`: applies pending migrations to DATABASE_URL, e.g. before deploying the
// functions (they also migrate on a cold start, under the same lock, and then find nothing to do).
// A migration that seals existing rows needs the functions' DATA_KEY and HASH_KEY.
import { migrate, openPostgres } from './db'
import { createSealer } from './platform/crypto'

/** The data keys from the environment, when both are set. */
function dataKeys() {
  const key = (name: string) => {
    const buf = Buffer.from(process.env[name] ?? '', 'base64')
    if (buf.length !== 32) throw new Error(`${name} must be 32 bytes, base64-encoded (openssl rand -base64 32)`)
    return buf
  }
  return process.env.DATA_KEY || process.env.HASH_KEY ? createSealer(key('DATA_KEY'), key('HASH_KEY')) : undefined
}

async function main() {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('DATABASE_URL is required (postgres://user:password@host:5432/db)')
  const keys = dataKeys()
  const db = await openPostgres(url, 1, { connectTimeoutMs: 10_000 })
  try {
    const applied = await migrate(db, keys)
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema up to date')
  } finally {
    await db.close()
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
