// The station's photos on the form: thumbnails with 删除, 添加照片 (picked, uploaded as a station_photo, its
// state shown until it is in), at most STATION_PHOTO_MAX uploads. Saved photos become public on the station.
import { Image, Text, View } from '@tarojs/components'
import { STATION_PHOTO_MAX } from '../../../../types/station-fields'
import { errorText } from '../../../services/errors'
import { absolute, pickImage, uploadFile } from '../../../services/upload'
import { Btn, LinkButton } from '../../../components/ui/button'
import { a11y } from '../../../components/ui/a11y'
import { imageA11y } from '../../../components/ui/field'
import { canAddPhoto, newPhoto, type PhotoRow, type StationForm } from './form-rules'

type Props = { form: StationForm; setPhotos: (fn: (photos: PhotoRow[]) => PhotoRow[]) => void }

const stateText = (p: PhotoRow) => (p.uploading ? '正在上传…' : p.error ? `上传失败：${p.error}` : '已上传')

export function PhotosEditor({ form, setPhotos }: Props) {
  const patch = (key: string, over: Partial<PhotoRow>) => setPhotos((list) => list.map((p) => (p.key === key ? { ...p, ...over } : p)))

  const add = async () => {
    const path = await pickImage()
    if (!path) return
    const row = newPhoto(path, { uploading: true })
    setPhotos((list) => [...list, row])
    try {
      const up = await uploadFile(path, 'station_photo')
      patch(row.key, { fileId: up.fileId, uploading: false })
    } catch (e) {
      patch(row.key, { uploading: false, error: errorText(e) })
    }
  }

  return (
    <View className='form-photos'>
      {form.photos.length ? (
        <View className='form-photo-list' {...a11y({ role: 'list', label: '站点照片' })}>
          {form.photos.map((p, i) => (
            <View key={p.key} className='form-photo' {...a11y({ role: 'listitem' })}>
              <Image className='form-photo-img' src={p.src.startsWith('/files/') ? absolute(p.src) : p.src} mode='aspectFill' {...imageA11y(`第 ${i + 1} 张站点照片`)} />
              <Text className={`form-photo-state${p.error ? ' form-photo-failed' : ''}`} {...a11y({ role: p.error ? 'alert' : 'status' })}>
                {stateText(p)}
              </Text>
              {!p.uploading ? (
                <LinkButton className='form-photo-remove' label={`删除第 ${i + 1} 张照片`} onClick={() => setPhotos((list) => list.filter((x) => x.key !== p.key))}>
                  删除
                </LinkButton>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
      {canAddPhoto(form) ? (
        <Btn kind='secondary' size='md' className='form-photo-add' onClick={() => void add()}>
          添加照片
        </Btn>
      ) : (
        <Text className='wu-field-hint form-photo-full'>{`已有${STATION_PHOTO_MAX}张照片，删除一张后可再添加`}</Text>
      )}
    </View>
  )
}
