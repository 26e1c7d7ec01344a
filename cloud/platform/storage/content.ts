// What a file is, from its bytes: JPEG, PNG, WebP, HEIC or PDF, each checked past its magic number far
// enough that a renamed script or a truncated photo is refused. Names and declared types are ignored.
import type { FileType } from '../../../types/file'

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'])

function jpeg(b: Buffer): boolean {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return false
  // Walk the segments to the start of the scan: every marker and length must hold together.
  let i = 2
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return false
    const marker = b[i + 1]
    if (marker === 0xff) {
      i++
      continue
    }
    if (marker === 0xda) return b.length > i + 4
    if (marker === 0xd9) return false
    if (marker >= 0xd0 && marker <= 0xd7) {
      i += 2
      continue
    }
    const len = b.readUInt16BE(i + 2)
    if (len < 2) return false
    i += 2 + len
  }
  return false
}

function png(b: Buffer): boolean {
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  if (b.length < 33 || !b.subarray(0, 8).equals(sig) || b.toString('latin1', 12, 16) !== 'IHDR') return false
  // Chunks chained by their lengths up to IEND.
  let i = 8
  while (i + 12 <= b.length) {
    const len = b.readUInt32BE(i)
    const type = b.toString('latin1', i + 4, i + 8)
    if (!/^[A-Za-z]{4}$/.test(type)) return false
    if (type === 'IEND') return true
    i += 12 + len
  }
  return false
}

function webp(b: Buffer): boolean {
  if (b.length < 20 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') return false
  const size = b.readUInt32LE(4) + 8
  return size <= b.length + 1 && ['VP8 ', 'VP8L', 'VP8X'].includes(b.toString('latin1', 12, 16))
}

function heic(b: Buffer): boolean {
  if (b.length < 16 || b.toString('latin1', 4, 8) !== 'ftyp') return false
  const size = b.readUInt32BE(0)
  if (size < 16 || size > b.length || size > 4096) return false
  const brands = [b.toString('latin1', 8, 12)]
  for (let i = 16; i + 4 <= size; i += 4) brands.push(b.toString('latin1', i, i + 4))
  return brands.some((x) => HEIC_BRANDS.has(x)) && !brands.includes('avif')
}

function pdf(b: Buffer): boolean {
  if (b.length < 16 || !/^%PDF-[12]\.\d/.test(b.toString('latin1', 0, 8))) return false
  if (!b.toString('latin1', Math.max(0, b.length - 1024)).includes('%%EOF')) return false
  // A PDF that runs script or launches programs is not evidence: staff open these.
  const text = b.toString('latin1')
  return !/\/(JavaScript|JS|Launch|EmbeddedFile|RichMedia)\b/.test(text)
}

/** The file's type, or null when it is none of the allowed kinds (or is broken). */
export function sniffType(b: Buffer): FileType | null {
  if (jpeg(b)) return 'image/jpeg'
  if (png(b)) return 'image/png'
  if (webp(b)) return 'image/webp'
  if (heic(b)) return 'image/heic'
  if (pdf(b)) return 'application/pdf'
  return null
}
