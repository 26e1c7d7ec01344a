// Whether the database's schema is the one this code expects: migrations it has not applied yet (older),
// and ones this code does not know (newer: a later release migrated it). Either way the code must not serve.
import type { Queryable } from '.'
import { migrations } from './migrations'

export interface SchemaStatus {
  pending: string[]
  unknown: string[]
}

export async function schemaStatus(db: Queryable): Promise<SchemaStatus> {
  const [t] = await db.query<{ present: boolean }>(`select to_regclass('schema_migrations') is not null as present`)
  const applied = t.present ? (await db.query<{ name: string }>('select name from schema_migrations')).map((r) => r.name) : []
  const known = new Set(migrations.map((m) => m.name))
  const done = new Set(applied)
  return { pending: migrations.map((m) => m.name).filter((n) => !done.has(n)), unknown: applied.filter((n) => !known.has(n)).sort() }
}

/** The start-up check's wording; null when the schema is current. */
export function schemaProblem(s: SchemaStatus): string | null {
  if (s.unknown.length) return `The database has migrations this code does not know (${s.unknown.join(', ')}): it was migrated by a newer release; deploy that release.`
  if (s.pending.length) return `The database schema is older than this code (pending: ${s.pending.join(', ')}): run \`npm run migrate\` first.`
  return null
}
