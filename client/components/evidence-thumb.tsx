// An uploaded evidence file as a thumbnail: the image itself (its link asked for when shown, valid 10
// minutes), or a PDF tile. Tapping opens the original: a photo in the viewer, a PDF in the document viewer.
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { api } from '../services/api'
import { absolute } from '../services/upload'
import { a11y, keyActivate } from './ui/a11y'
import { imageA11y } from './ui/field'
import './evidence-thumb.css'

type Link = { url: string; contentType: string }

export function EvidenceThumb({ fileId, label }: { fileId: string; label: string }) {
  const [link, setLink] = useState<Link | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    api.file
      .url({ fileId })
      .then((r) => live && setLink({ url: absolute(r.url), contentType: r.contentType }))
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [fileId])

  const openOriginal = async () => {
    // A fresh link: the one on screen may be older than 10 minutes.
    const r = await api.file.url({ fileId }).catch(() => null)
    if (!r) return Taro.showToast({ title: '打开失败，请重试', icon: 'none' })
    const u = absolute(r.url)
    if (r.contentType !== 'application/pdf') return Taro.previewImage({ urls: [u], current: u })
    if (process.env.TARO_ENV === 'h5') return void window.open(u, '_blank', 'noopener')
    const d = await Taro.downloadFile({ url: u }).catch(() => null)
    if (d?.tempFilePath) await Taro.openDocument({ filePath: d.tempFilePath, fileType: 'pdf', showMenu: true }).catch(() => undefined)
  }

  if (failed) return <Text className='ev-thumb-failed'>{label}（无法查看）</Text>
  return (
    <View className='ev-thumb' onClick={openOriginal} {...a11y({ role: 'button', label: `查看${label}`, focusable: true })} {...keyActivate()}>
      {/* The button's name says what it shows: the picture itself is not read again. */}
      {link && link.contentType !== 'application/pdf' ? <Image className='ev-thumb-img' src={link.url} mode='aspectFill' lazyLoad {...imageA11y('')} /> : <Text className='ev-thumb-pdf'>{link ? 'PDF' : '…'}</Text>}
      <Text className='ev-thumb-label'>{label}</Text>
    </View>
  )
}
