// A fake camera for Chromium (--use-file-for-fake-video-capture): a Y4M file (YUV4MPEG2, 4:2:0) whose
// frames show a QR code, drawn with the same library and error correction as the card page.
import fs from 'node:fs'
import qrcode from 'qrcode-generator'

export interface Y4mOptions {
  width?: number
  height?: number
  frames?: number
  fps?: number
}

/** Writes `file`: `frames` identical frames of a black-on-white QR of `payload`, centred with a quiet zone. */
export function writeQrY4m(file: string, payload: string, { width = 640, height = 480, frames = 10, fps = 10 }: Y4mOptions = {}): void {
  const q = qrcode(0, 'M')
  q.addData(payload)
  q.make()
  const n = q.getModuleCount()
  const scale = Math.floor((Math.min(width, height) * 0.85) / (n + 8))
  const side = n * scale
  const left = Math.floor((width - side) / 2)
  const top = Math.floor((height - side) / 2)
  // Luma: studio-range white (235) and black (16); chroma neutral (128).
  const y = Buffer.alloc(width * height, 235)
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      if (!q.isDark(r, c)) continue
      for (let dy = 0; dy < scale; dy++) y.fill(16, (top + r * scale + dy) * width + left + c * scale, (top + r * scale + dy) * width + left + (c + 1) * scale)
    }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128)
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`)
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma])
  fs.writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]))
}
