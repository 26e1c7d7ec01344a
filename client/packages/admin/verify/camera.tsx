// Scanning a card QR with the camera on H5 (getUserMedia and jsqr): a live preview, a frame decoded a few
// times a second, and the camera switched off as soon as a code is read, on 停止, or when the page goes.
// camera.weapp.tsx stands in on the mini-program, which scans with Taro.scanCode.
import { useEffect, useRef, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Btn } from '../../../components/ui/button'
import { a11y } from '../../../components/ui/a11y'
import { DECODE_WIDTH, cameraProblem, cameraUnavailable, decodeFrame } from './qr-frame'

const EVERY_MS = 150

type State = { kind: 'idle' } | { kind: 'starting' } | { kind: 'scanning' } | { kind: 'failed'; message: string }

export function CameraScan({ onCode, busy }: { onCode: (text: string) => void; busy?: boolean }) {
  const [state, setState] = useState<State>(() => {
    const why = cameraUnavailable()
    return why ? { kind: 'failed', message: why } : { kind: 'idle' }
  })
  const video = useRef<HTMLVideoElement | null>(null)
  const stream = useRef<MediaStream | null>(null)
  const timer = useRef<ReturnType<typeof setInterval> | null>(null)
  const canvas = useRef<HTMLCanvasElement | null>(null)
  const latest = useRef(onCode)
  latest.current = onCode

  const stop = () => {
    if (timer.current) clearInterval(timer.current)
    timer.current = null
    stream.current?.getTracks().forEach((t) => t.stop())
    stream.current = null
    if (video.current) video.current.srcObject = null
  }
  useEffect(() => stop, [])

  const tick = () => {
    const v = video.current
    if (!v || v.readyState < 2 || !v.videoWidth) return
    const w = Math.min(DECODE_WIDTH, v.videoWidth)
    const h = Math.round((v.videoHeight * w) / v.videoWidth)
    const c = (canvas.current ??= document.createElement('canvas'))
    c.width = w
    c.height = h
    const ctx = c.getContext('2d', { willReadFrequently: true })
    if (!ctx) return
    ctx.drawImage(v, 0, 0, w, h)
    const text = decodeFrame(ctx.getImageData(0, 0, w, h).data, w, h)
    if (!text) return
    stop()
    setState({ kind: 'idle' })
    latest.current(text)
  }

  const start = async () => {
    const why = cameraUnavailable()
    if (why) return setState({ kind: 'failed', message: why })
    setState({ kind: 'starting' })
    try {
      const s = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false })
      stream.current = s
      const v = video.current
      if (!v) return stop()
      v.srcObject = s
      await v.play()
      setState({ kind: 'scanning' })
      timer.current = setInterval(tick, EVERY_MS)
    } catch (e) {
      stop()
      setState({ kind: 'failed', message: cameraProblem(e) })
    }
  }

  const on = state.kind === 'scanning' || state.kind === 'starting'
  return (
    <View className='camera-scan'>
      <View className={`camera-view ${on ? '' : 'camera-view-off'}`}>
        <video ref={video} className='camera-video' muted playsInline aria-label='摄像头画面' />
        <View className='camera-frame' {...a11y({ hidden: true })} />
      </View>
      {state.kind === 'scanning' ? (
        <Text className='camera-hint' {...a11y({ live: 'polite' })}>
          请把会员卡二维码放进框内，识别后自动核验
        </Text>
      ) : null}
      {state.kind === 'failed' ? (
        <Text className='camera-error' {...a11y({ role: 'alert' })}>
          {state.message}
        </Text>
      ) : null}
      {on ? (
        <Btn kind='secondary' className='camera-stop' onClick={() => {
            stop()
            setState({ kind: 'idle' })
          }}>
          停止扫码
        </Btn>
      ) : (
        <Btn className='camera-start scan-button' loading={busy} disabled={busy} onClick={() => void start()}>
          {state.kind === 'failed' ? '重新打开摄像头' : '打开摄像头扫码'}
        </Btn>
      )}
    </View>
  )
}
