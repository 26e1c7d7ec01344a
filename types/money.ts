// Money is integer fen everywhere; this is how it reads, e.g. 132000 -> "1,320.00". Free of zod, and of
// Intl too: some mini-program JavaScript engines ship without full locale data.
export function formatYuan(fen: number): string {
  const abs = Math.abs(Math.round(fen))
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${fen < 0 ? '-' : ''}${whole}.${String(abs % 100).padStart(2, '0')}`
}
