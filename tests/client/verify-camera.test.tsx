// H5 card verification by camera: a frame holding a card QR decodes to its payload (jsqr), camera failures
// read as what to do next, and the paste box stays as the fallback.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import qrcode from 'qrcode-generator'
import VerifyCard from '../../client/packages/admin/verify/index'
import { cameraProblem, decodeFrame } from '../../client/packages/admin/verify/qr-frame'
import { freshSession, gateway, ok } from './helpers'

/** A card payload drawn the way the card page draws it (qrcode-generator, level M), as RGBA pixels. */
function qrFrame(payload: string, scale = 6, margin = 4): { rgba: Uint8ClampedArray; size: number } {
  const q = qrcode(0, 'M')
  q.addData(payload)
  q.make()
  const n = q.getModuleCount()
  const size = (n + 2 * margin) * scale
  const rgba = new Uint8ClampedArray(size * size * 4).fill(255)
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const r = Math.floor(y / scale) - margin
      const c = Math.floor(x / scale) - margin
      if (r >= 0 && c >= 0 && r < n && c < n && q.isDark(r, c)) rgba.fill(0, (y * size + x) * 4, (y * size + x) * 4 + 3)
    }
  return { rgba, size }
}

const PAYLOAD = 'wu1.5f0c2a1e-3b7d-4c1a-9e2f-8a6b4c3d2e1f.1790000000.Zm9vYmFyYmF6cXV4'

beforeEach(() => freshSession())
afterEach(() => {
  cleanup()
  Object.defineProperty(global.navigator, 'mediaDevices', { value: undefined, configurable: true })
})

describe('camera QR', () => {
  test('should read the payload when a frame shows a card QR', () => {
    const { rgba, size } = qrFrame(PAYLOAD)
    expect(decodeFrame(rgba, size, size)).toBe(PAYLOAD)
  })

  test('should read nothing when the frame is blank', () => {
    expect(decodeFrame(new Uint8ClampedArray(200 * 200 * 4).fill(255), 200, 200)).toBeNull()
  })

  test('should say how to go on when the camera is refused or missing', () => {
    expect(cameraProblem({ name: 'NotAllowedError' })).toMatch(/^没有获得摄像头权限.*粘贴二维码内容$/)
    expect(cameraProblem({ name: 'NotFoundError' })).toBe('没有找到可用的摄像头，请在下方粘贴二维码内容')
    expect(cameraProblem(new Error('x'))).toMatch(/摄像头打开失败/)
  })

  test('should keep the paste box and explain when the browser has no camera access', async () => {
    const calls = gateway(() => ok({ valid: true, cardNo: '110105001001-000001', name: '李建国', unionName: '北京国贸物业管理有限公司工会', status: 'active', occupation: 'property_service', issuedAt: null }))
    const { container } = render(<VerifyCard />)
    expect(screen.getByText('当前浏览器不能使用摄像头扫码，请换用新版浏览器，或在下方粘贴二维码内容')).toBeTruthy()
    fireEvent.change(container.querySelector('.verify-input')!, { target: { value: PAYLOAD } })
    fireEvent.click(container.querySelector('.verify-submit')!)
    await waitFor(() => expect(container.querySelector('.result-title')?.textContent).toBe('✓ 有效'))
    expect(calls[0]).toMatchObject({ fn: 'member', action: 'verifyCard', data: { qr: PAYLOAD } })
  })

  test('should say the camera was refused and leave the paste box when getUserMedia fails', async () => {
    const getUserMedia = jest.fn().mockRejectedValue(Object.assign(new Error('denied'), { name: 'NotAllowedError' }))
    Object.defineProperty(global.navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true })
    const { container } = render(<VerifyCard />)
    fireEvent.click(container.querySelector('.camera-start')!)
    expect(await screen.findByText(/^没有获得摄像头权限/)).toBeTruthy()
    expect(getUserMedia).toHaveBeenCalledWith({ video: { facingMode: { ideal: 'environment' } }, audio: false })
    expect(container.querySelector('.verify-input')).toBeTruthy()
  })
})
