// Files in the database (table file_blobs): shared by every instance, backed up with everything else.
import type { Queryable } from '../../db'
import { assertKey, type FileStore } from './store'

export function databaseStore(db: Queryable): FileStore {
  return {
    kind: 'database',
    async put(key, bytes) {
      assertKey(key)
      await db.query('insert into file_blobs (key, bytes) values ($1, $2) on conflict (key) do update set bytes = excluded.bytes', [key, bytes])
      return key
    },
    async get(key) {
      assertKey(key)
      const [r] = await db.query<{ bytes: Uint8Array }>('select bytes from file_blobs where key = $1', [key])
      return r ? Buffer.from(r.bytes) : null
    },
    async remove(key) {
      assertKey(key)
      await db.query('delete from file_blobs where key = $1', [key])
    },
    directUrl: async () => null,
  }
}
