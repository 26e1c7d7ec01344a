// A migration: a script, and for a change of what is stored (sealing a column), a step rewriting rows in TypeScript.

/** The transaction a migration runs in (db's Queryable, restated: db/index.ts imports this module). */
interface Tx {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

/** The app's sealer as a migration sees it: AES-GCM and the keyed hash (structurally platform's Sealer). */
export interface DataKeys {
  encrypt(plain: string): string
  decrypt(sealed: string): string
  hash(kind: string, plain: string): string
}

export interface Migration {
  name: string
  sql: string
  /** Runs after `sql` in the same transaction; gets the keys when the caller has them. */
  rewrite?: (q: Tx, keys: DataKeys | undefined) => Promise<void>
  /** Runs after `rewrite` (e.g. dropping the columns it emptied). */
  finish?: string
}

/** The keys, or an error naming the migration that needs them to rewrite existing rows. */
export function needKeys(name: string, keys: DataKeys | undefined): DataKeys {
  if (!keys) throw new Error(`migration ${name} seals existing rows and needs DATA_KEY and HASH_KEY`)
  return keys
}
