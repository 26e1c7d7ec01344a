// What a file is, from its bytes, and images without their location: pure checks, no database.
import { sniffType } from '../../cloud/platform/storage/content'
import { hasGps, scrubTiffGps, withoutLocation } from '../../cloud/platform/storage/location'
import { heicWithGps, jpegWithGps, pdf, plainJpeg, pngWithGps, tiffWithGps } from '../support/images'

describe('file content', () => {
  it('should name each allowed type by its bytes when the file is whole', () => {
    expect([jpegWithGps(), pngWithGps(), heicWithGps(), pdf()].map(sniffType)).toEqual(['image/jpeg', 'image/png', 'image/heic', 'application/pdf'])
    const webp = Buffer.alloc(30)
    webp.write('RIFF', 0, 'latin1')
    webp.writeUInt32LE(22, 4)
    webp.write('WEBPVP8 ', 8, 'latin1')
    expect(sniffType(webp)).toBe('image/webp')
  })

  it('should refuse scripts, truncated photos, GIFs, SVGs and PDFs that run code when they arrive as uploads', () => {
    const bad = [Buffer.from('<svg onload="alert(1)"/>'), Buffer.from('GIF89a'), plainJpeg().subarray(0, 30), pdf(true), Buffer.from('%PDF-1.4 no end'), Buffer.alloc(0)]
    expect(bad.map(sniffType)).toEqual([null, null, null, null, null, null])
  })

  it('should empty the GPS directory and keep the rest of the picture when an image carries coordinates', () => {
    for (const [bytes, type] of [[jpegWithGps(), 'image/jpeg'], [pngWithGps(), 'image/png'], [heicWithGps(), 'image/heic']] as const) {
      expect(hasGps(bytes)).toBe(true)
      const clean = withoutLocation(bytes, type)
      expect(hasGps(clean)).toBe(false)
      expect(sniffType(clean)).toBe(type)
      expect(clean.includes('GPSLatitude', 0, 'latin1')).toBe(false)
    }
    // Orientation (IFD0) stays; the coordinates' bytes are zero.
    const t = tiffWithGps()
    expect(scrubTiffGps(t)).toBe(true)
    expect(t.readUInt16LE(10)).toBe(0x0112)
    expect(t.subarray(92, 140).every((b) => b === 0)).toBe(true)
  })

  it('should leave a PDF and an image without metadata as they are', () => {
    expect(withoutLocation(pdf(), 'application/pdf')).toEqual(pdf())
    expect(withoutLocation(plainJpeg(), 'image/jpeg')).toEqual(plainJpeg())
  })
})
