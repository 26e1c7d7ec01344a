// Small SQL helpers shared by the repositories.

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Ids are uuids: anything else cannot match a row, and must not reach PostgreSQL as a malformed uuid. */
export const isUuid = (s: string) => UUID_RE.test(s)

/** Escapes LIKE wildcards in user input. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)
