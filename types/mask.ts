// Masking personal data for display and logs. Free of zod so any side can import it.

/** Masks all but the first `head` and last `tail` characters. */
export function mask(value: string, head: number, tail: number): string {
  if (value.length <= head + tail) return '*'.repeat(value.length)
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(value.length - tail)
}

/** ID-card numbers: the first 6 (region) and last 4 characters. */
export const maskIdNumber = (v: string) => mask(v, 6, 4)
/** Phone numbers: 3 + 4, as 138****2222. */
export const maskPhone = (v: string) => mask(v, 3, 4)
/** Names: the family name only. */
export const maskName = (v: string) => mask(v, 1, 0)
