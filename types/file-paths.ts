// Public photo links, free of zod so client pages can use them without the contract's schemas.

/** The stable public link of an attached station or product photo, a path on the API origin. */
export const publicFilePath = (fileId: string) => `/files/public/${fileId}`

/** The file id in a public photo link, or null for any other URL (an older photo's own URL). */
export function publicFileId(url: string): string | null {
  return /^(?:https?:\/\/[^/]+)?\/files\/public\/([0-9a-f-]{36})$/.exec(url)?.[1] ?? null
}
