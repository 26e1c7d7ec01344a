// The simulator's keys, shared by every process on one database: the first process to need them writes
// them, everyone reads back the one row, so a notification signed anywhere verifies everywhere.
import crypto from 'node:crypto'
import type { Queryable } from '../../db'

export interface SimKeys {
  privateKeyPem: string
  publicKeyPem: string
  /** 32 bytes. */
  apiV3Key: Buffer
}

type Row = { private_key_pem: string; public_key_pem: string; api_v3_key: string }

const read = async (db: Queryable) => (await db.query<Row>('select private_key_pem, public_key_pem, api_v3_key from sim_pay_keys where id = 1'))[0]

export function generateSimKeys(): SimKeys {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    apiV3Key: crypto.randomBytes(32),
  }
}

export async function sharedSimKeys(db: Queryable): Promise<SimKeys> {
  let row = await read(db)
  if (!row) {
    const k = generateSimKeys()
    await db.query('insert into sim_pay_keys (id, private_key_pem, public_key_pem, api_v3_key) values (1, $1, $2, $3) on conflict (id) do nothing', [
      k.privateKeyPem,
      k.publicKeyPem,
      k.apiV3Key.toString('base64'),
    ])
    row = await read(db)
  }
  return { privateKeyPem: row.private_key_pem, publicKeyPem: row.public_key_pem, apiV3Key: Buffer.from(row.api_v3_key, 'base64') }
}
