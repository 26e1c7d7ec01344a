// The card QR, drawn from its payload as a GIF data URL (no canvas needed on weapp or H5).
// Size it with the .card-qr class (a fixed square in the page CSS).
import { useMemo } from 'react'
import { Image } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import { imageA11y } from './ui/field'

export function CardQr({ payload, className = 'card-qr' }: { payload: string; className?: string }) {
  const src = useMemo(() => {
    const q = qrcode(0, 'M')
    q.addData(payload)
    q.make()
    return q.createDataURL(8, 4)
  }, [payload])
  return <Image className={className} src={src} mode='aspectFit' showMenuByLongpress {...imageA11y('会员卡二维码，请出示给工作人员扫码核验')} />
}
