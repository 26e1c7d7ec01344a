// 隐私政策: what the app collects, why, who sees it and how long it is kept. Opened by WeChat's privacy
// check (consent=1) on a page without the consent sheet, it also asks for the member's answer.
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { AGREE_BUTTON_ID, answerPrivacy } from '../../../services/privacy'
import '../member.css'
import './index.css'
import { Btn } from '../../../components/ui/button'
import { Screen } from '../../../components/ui/screen'

const SECTIONS: [string, string][] = [
  ['我们是谁', '“暖心工会”是工会为会员提供的小程序和网站，由您所在地区的工会运营，用于办理会员卡、查找暖心驿站、工会商城、困难帮扶和工会活动。'],
  ['收集哪些信息，为什么', '办理会员卡：姓名、身份证号、手机号、职业和工作单位，用于确认会员身份、一人一卡。申请困难帮扶：家庭成员收入、困难情况、联系电话和您上传的证明材料照片或 PDF，用于工会审核和建档帮扶。工会商城：收货人、电话和地址，用于发货和开票。登录：微信提供的用户标识（openid），用于识别您的账号。'],
  ['位置', '查找附近驿站时使用您当前的位置，只用于这一次查询，不保存、不记录轨迹。不同意使用位置，也可以按区域浏览驿站。'],
  ['相册和相机', '只在您上传证明材料时使用。照片上传前会去掉其中的拍摄地点等位置信息；证明材料只有您本人和负责审核您申请的工会工作人员能看到，查看链接 10 分钟后失效。'],
  ['消息通知', '您点“接收”后，我们才会通过微信向您发送审核结果、帮扶进度、发货、退款和工会活动的通知；每次同意只发送一条。所有通知也会显示在“我的消息”里。'],
  ['如何保护', '身份证号、手机号和家庭收入加密保存，页面和记录中只显示部分号码；工作人员只能看到自己所在工会及下级工会的事项，每一次审核和资金发放都有记录可查。'],
  ['保存多久', '会员和帮扶档案按工会档案管理规定保存；登录记录最长保存 7 天；电脑端扫码登录的二维码 2 分钟后失效。'],
  ['您的权利', '您可以在“我的”中查看自己的会员卡、申请和消息；如需更正、删除信息或注销账号，请联系您所在的基层工会，或在“我的”中退出登录。'],
]

export default function Privacy() {
  const consent = useRouter().params.consent === '1'
  const answer = (agree: boolean) => {
    answerPrivacy(agree)
    void Taro.navigateBack().catch(() => undefined)
  }
  return (
    <Screen className='wu-page privacy-page'>
      {consent ? (
        <View className='wu-card privacy-ask'>
          <Text className='privacy-p'>使用位置、相机或相册前，请阅读并同意本政策。</Text>
          <Btn id={AGREE_BUTTON_ID} className='privacy-agree' openType={'agreePrivacyAuthorization' as never} onClick={() => answer(true)}>
            同意并继续
          </Btn>
          <Btn className='privacy-refuse' onClick={() => answer(false)}>
            不同意
          </Btn>
        </View>
      ) : null}
      <Text className='privacy-h1'>暖心工会隐私政策</Text>
      {SECTIONS.map(([title, body]) => (
        <View key={title} className='wu-card privacy-section'>
          <Text className='privacy-h2'>{title}</Text>
          <Text className='privacy-p'>{body}</Text>
        </View>
      ))}
    </Screen>
  )
}
