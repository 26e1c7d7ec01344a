// Offset paging shared by every list: an opaque cursor, and the page cut from `limit + 1` rows.

/** Opaque page cursor: the offset into the ordered list. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url')
}

/** The offset a cursor stands for (0 without one), or null for a cursor this server did not make. */
export function decodeCursor(cursor: string | undefined): number | null {
  if (!cursor) return 0
  const m = /^o:(\d{1,4})$/.exec(Buffer.from(cursor, 'base64url').toString())
  return m ? Number(m[1]) : null
}

/** A page from rows fetched with `limit + 1`: the extra row only says that there is a next page. */
export function pageOf<T>(rows: T[], limit: number, offset: number): { rows: T[]; nextCursor: string | null } {
  return { rows: rows.slice(0, limit), nextCursor: rows.length > limit ? encodeCursor(offset + limit) : null }
}
