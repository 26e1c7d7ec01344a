// Location out of images before they are stored. Phones write GPS coordinates into the EXIF block (a TIFF
// structure inside JPEG, PNG, WebP and HEIC alike) and sometimes into an XMP packet. Every TIFF block's GPS
// directory is emptied in place and every XMP packet blanked, so offsets, orientation and the picture itself
// stay as they were; PNG's text chunks are dropped and its EXIF chunk's checksum recomputed. Pure: no I/O.
import zlib from 'node:zlib'
import type { FileType } from '../../../types/file'

const GPS_IFD = 0x8825
/** Bytes per value of each TIFF field type (1..13). */
const TYPE_SIZE = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4]

/** Empties the GPS directory of the TIFF structure starting at t[0]; false when t is not a TIFF structure. */
export function scrubTiffGps(t: Buffer): boolean {
  if (t.length < 8) return false
  const order = t.toString('latin1', 0, 2)
  const le = order === 'II'
  if (!le && order !== 'MM') return false
  const u16 = (o: number) => (le ? t.readUInt16LE(o) : t.readUInt16BE(o))
  const u32 = (o: number) => (le ? t.readUInt32LE(o) : t.readUInt32BE(o))
  if (u16(2) !== 42) return false
  const fits = (ifd: number) => ifd >= 8 && ifd + 2 <= t.length && ifd + 2 + u16(ifd) * 12 + 4 <= t.length
  const gps: number[] = []
  const seen = new Set<number>()
  for (let ifd = u32(4), n = 0; ifd && n < 4; n++) {
    if (seen.has(ifd) || !fits(ifd)) return false
    seen.add(ifd)
    const count = u16(ifd)
    for (let k = 0; k < count; k++) if (u16(ifd + 2 + k * 12) === GPS_IFD) gps.push(u32(ifd + 2 + k * 12 + 8))
    ifd = u32(ifd + 2 + count * 12)
  }
  for (const g of gps) {
    if (!fits(g)) continue
    const count = u16(g)
    for (let k = 0; k < count; k++) {
      const e = g + 2 + k * 12
      const size = (TYPE_SIZE[u16(e + 2)] ?? 1) * u32(e + 4)
      const at = u32(e + 8)
      if (size > 4 && at + size <= t.length) t.fill(0, at, at + size)
      t.fill(0, e, e + 12)
    }
    // Zero entries and a zero next-directory pointer: an empty, valid GPS directory.
    t.fill(0, g, g + 2)
  }
  return true
}

/** Every TIFF header ('II*\0' or 'MM\0*') in b: EXIF blocks wherever the container keeps them. */
function scrubAllTiff(b: Buffer): void {
  for (const magic of [Buffer.from('II*\0', 'latin1'), Buffer.from('MM\0*', 'latin1')]) {
    for (let i = b.indexOf(magic); i >= 0; i = b.indexOf(magic, i + 4)) scrubTiffGps(b.subarray(i))
  }
}

/** XMP packets (which may repeat the coordinates) overwritten with spaces, keeping their length. */
function blankXmp(b: Buffer): void {
  const open = Buffer.from('<x:xmpmeta', 'latin1')
  const close = Buffer.from('</x:xmpmeta>', 'latin1')
  for (let i = b.indexOf(open); i >= 0; i = b.indexOf(open, i + 1)) {
    const end = b.indexOf(close, i)
    b.fill(0x20, i, end < 0 ? b.length : end + close.length)
  }
}

/** PNG: text chunks (tEXt, zTXt, iTXt: XMP and comments) dropped, eXIf scrubbed and its CRC recomputed. */
function pngWithoutLocation(b: Buffer): Buffer {
  const out: Buffer[] = [b.subarray(0, 8)]
  let i = 8
  while (i + 12 <= b.length) {
    const len = b.readUInt32BE(i)
    const type = b.toString('latin1', i + 4, i + 8)
    const chunk = Buffer.from(b.subarray(i, i + 12 + len))
    i += 12 + len
    if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') continue
    if (type === 'eXIf') {
      scrubTiffGps(chunk.subarray(8, 8 + len))
      chunk.writeUInt32BE(zlib.crc32(chunk.subarray(4, 8 + len)), 8 + len)
    }
    out.push(chunk)
    if (type === 'IEND') break
  }
  return Buffer.concat(out)
}

/** A copy of the image without location metadata; other types are returned as they are. */
export function withoutLocation(bytes: Buffer, type: FileType): Buffer {
  if (type === 'application/pdf') return bytes
  if (type === 'image/png') return pngWithoutLocation(bytes)
  const b = Buffer.from(bytes)
  scrubAllTiff(b)
  blankXmp(b)
  return b
}

/** Whether any TIFF block in b still carries GPS entries (for tests and checks). */
export function hasGps(b: Buffer): boolean {
  for (const magic of ['II*\0', 'MM\0*']) {
    for (let i = b.indexOf(magic, 0, 'latin1'); i >= 0; i = b.indexOf(magic, i + 4, 'latin1')) {
      const t = Buffer.from(b.subarray(i))
      const before = Buffer.from(t)
      if (scrubTiffGps(t) && !t.equals(before)) return true
    }
  }
  return b.includes('GPSLatitude', 0, 'latin1')
}
