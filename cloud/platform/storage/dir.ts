// Files under DATA_DIR/files on one gateway host; written to a temporary name and renamed, so a reader
// never sees half a file.
import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { assertKey, type FileStore } from './store'

export function dirStore(root: string): FileStore {
  const where = (key: string) => (assertKey(key), path.join(root, key.slice(0, 2), key))
  return {
    kind: 'dir',
    async put(key, bytes) {
      const file = where(key)
      await fs.mkdir(path.dirname(file), { recursive: true })
      const tmp = `${file}.${crypto.randomBytes(4).toString('hex')}.tmp`
      await fs.writeFile(tmp, bytes, { mode: 0o600 })
      await fs.rename(tmp, file)
      return key
    },
    async get(key) {
      try {
        return await fs.readFile(where(key))
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw e
      }
    },
    async remove(key) {
      await fs.rm(where(key), { force: true })
    },
    directUrl: async () => null,
  }
}
