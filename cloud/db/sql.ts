// Small SQL helpers shared by the domain services.

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Ids are uuids: anything else cannot match a row, and must not reach PostgreSQL as a malformed uuid. */
export const isUuid = (s: string) => UUID_RE.test(s)

/** Escapes LIKE wildcards in user input. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/** A constant list of codes as a SQL list, `('A', 'B')`: for the status lists the contract defines, never for input. */
export function sqlList(values: readonly string[]): string {
  if (!values.length || values.some((v) => !/^[A-Za-z_]+$/.test(v))) throw new Error(`not a list of codes: ${values.join(', ')}`)
  return `(${values.map((v) => `'${v}'`).join(', ')})`
}
