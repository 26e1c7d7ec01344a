// One interface for where file bytes live, chosen by FILE_STORE: the database (default: every gateway
// process and function instance sees the same files), DATA_DIR/files (one host), or WeChat cloud storage.
// An S3-compatible store is one more implementation of the same four methods.
export interface FileStore {
  readonly kind: 'database' | 'dir' | 'cloudbase'
  /** Stores the bytes under `key` (a file id); answers the reference the other methods take. */
  put(key: string, bytes: Buffer, contentType: string): Promise<string>
  get(ref: string): Promise<Buffer | null>
  remove(ref: string): Promise<void>
  /** A URL the client loads directly for `seconds`; null when the gateway serves the file at a signed /files path. */
  directUrl(ref: string, seconds: number): Promise<string | null>
}

/** Keys are ours (file ids), never a client's name: nothing can climb out of a folder or bucket prefix. */
export function assertKey(key: string): void {
  if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error('file key must be a file id')
}
