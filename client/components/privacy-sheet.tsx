// The app's own consent sheet, shown when WeChat asks before location or album access (services/privacy).
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { AGREE_BUTTON_ID, answerPrivacy, onPrivacyRequest } from '../services/privacy'
import { url } from '../services/routes'
import { Btn, LinkButton } from './ui/button'
import { a11y } from './ui/a11y'
import './privacy-sheet.css'

export function PrivacySheet() {
  const [open, setOpen] = useState(false)
  useEffect(() => onPrivacyRequest(setOpen), [])
  if (!open) return null
  return (
    <View className='privacy-mask'>
      <View className='privacy-sheet' {...a11y({ role: 'dialog', label: '隐私保护提示' })}>
        <Text className='privacy-title'>隐私保护提示</Text>
        <Text className='privacy-text'>
          暖心工会需要使用您的位置（查找附近的暖心驿站，不保存）和相册或相机（上传困难帮扶证明材料，仅审核您申请的工会工作人员可见）。请阅读
        </Text>
        <LinkButton className='privacy-link' onClick={() => Taro.navigateTo({ url: url('member/privacy') })}>
          《暖心工会隐私政策》
        </LinkButton>
        <Btn id={AGREE_BUTTON_ID} size='md' className='privacy-agree' openType={'agreePrivacyAuthorization' as never} onClick={() => answerPrivacy(true)}>
          同意并继续
        </Btn>
        <Btn kind='plain' size='md' className='privacy-refuse' onClick={() => answerPrivacy(false)}>
          不同意
        </Btn>
      </View>
    </View>
  )
}
