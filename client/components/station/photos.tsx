// A station's photos on its detail page: a row of pictures, tapping one opens them all in the viewer.
// Uploaded photos come as public paths on the API origin, older ones as full URLs.
import Taro from '@tarojs/taro'
import { Image, ScrollView, View } from '@tarojs/components'
import { absolute } from '../../services/upload'
import { a11y, keyActivate } from '../ui/a11y'
import { imageA11y } from '../ui/field'

export function StationPhotos({ photos, name }: { photos: string[]; name: string }) {
  if (!photos.length) return null
  const urls = photos.map(absolute)
  const open = (u: string) => void Taro.previewImage({ urls, current: u }).catch(() => undefined)
  return (
    <ScrollView scrollX className='station-photos' {...a11y({ role: 'group', label: `${name}的照片` })}>
      {urls.map((u, i) => (
        <View key={u} className='station-photo' onClick={() => open(u)} {...a11y({ role: 'button', label: `查看第 ${i + 1} 张照片，共 ${urls.length} 张`, focusable: true })} {...keyActivate()}>
          <Image className='station-photo-img' src={u} mode='aspectFill' lazyLoad {...imageA11y('')} />
        </View>
      ))}
    </ScrollView>
  )
}
