// Money is integer fen everywhere; this is how it reads, e.g. 132000 -> "1,320.00". Free of zod.
export function formatYuan(f: number): string {
  return (f / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}
