import { useEffect, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { isStaff, quietUser } from '../../services/session'
import { shellDone } from '../../services/shell'
import { url, type PageName } from '../../services/routes'
import type { Me } from '../../../types/auth'
import { greeting, readCard, type KnownCard } from './greeting'
import { useElder } from '../../hooks/elder'
import { Screen } from '../../components/ui/screen'
import { Btn } from '../../components/ui/button'
import { a11y, keyActivate } from '../../components/ui/a11y'
import './index.css'

type Tile = { title: string; sub: string; to: PageName; cls: string }

const MEMBER_TILES: Tile[] = [
  { title: '我的会员卡', sub: '电子会员卡 · 出示核验', to: 'card', cls: 'tile-card' },
  { title: '入会申请', sub: '填写信息 · 立等可取', to: 'member/register', cls: 'tile-register' },
  { title: '工会活动', sub: '送温暖 · 送清凉', to: 'campaign/feed', cls: 'tile-campaigns' },
  { title: '暖心驿站', sub: '附近喝水、热饭、歇脚', to: 'stations', cls: 'tile-stations' },
  { title: '工会商城', sub: '消费帮扶好物', to: 'shop/index', cls: 'tile-shop' },
  { title: '困难帮扶', sub: '申请帮扶 · 送温暖', to: 'subsidy/check', cls: 'tile-subsidy' },
  { title: '我的', sub: '账号与转会', to: 'me', cls: 'tile-me' },
]

const STAFF_TILES: Tile[] = [
  { title: '会员审核', sub: '入会与转会申请', to: 'admin/review', cls: 'tile-review' },
  { title: '扫码验卡', sub: '核验会员身份', to: 'admin/verify', cls: 'tile-verify' },
  { title: '工会工作台', sub: '数据总览 · 报表导出', to: 'console/index', cls: 'tile-console' },
  { title: '活动管理', sub: '发布与核销', to: 'campaign/manage', cls: 'tile-manage' },
  { title: '帮扶审核', sub: '困难职工申请与档案', to: 'subsidy/queue', cls: 'tile-subsidy-review' },
  { title: '工会采购', sub: '批量采购 · 消费帮扶台账', to: 'shop/ledger', cls: 'tile-ledger' },
]

const go = (to: PageName) => Taro.navigateTo({ url: url(to) }).catch(() => Taro.showToast({ title: '页面打开失败，请重试', icon: 'none' }))
const open = (t: Tile) => go(t.to)

function Tiles({ tiles, staff }: { tiles: Tile[]; staff?: boolean }) {
  return (
    <View className='tiles'>
      {tiles.map((t) => (
        <View key={t.to} className={`tile ${staff ? 'tile-staff' : ''} ${t.cls}`} onClick={() => open(t)} {...a11y({ role: 'button', label: `${t.title}：${t.sub}`, focusable: true })} {...keyActivate()}>
          <Text className='tile-title'>{t.title}</Text>
          <Text className='tile-sub'>{t.sub}</Text>
        </View>
      ))}
    </View>
  )
}

export default function Home() {
  const [me, setMe] = useState<Me | null>(null)
  const [card, setCard] = useState<KnownCard | null | undefined>(undefined)
  useEffect(shellDone, [])
  useDidShow(() => {
    quietUser()
      .catch(() => null)
      .then(async (u) => {
        setMe(u)
        const c = await readCard(u)
        setCard(c ? { name: c.name, status: c.status } : c)
      })
  })

  const elder = useElder()
  const staff = isStaff(me)
  const g = greeting(me, card, staff)
  return (
    <Screen className='home' home>
      <View className='home-hero'>
        {/* 长辈版 entry on the home page (MIIT): big text and buttons, kept for next time. */}
        <Btn kind='secondary' size='sm' className='home-elder' pressed={elder.on} label={elder.on ? '长辈版已开启，点按恢复标准版' : '开启长辈版：大字体、大按钮'} onClick={() => elder.set(!elder.on)}>
          {elder.on ? '✓ 长辈版' : '长辈版'}
        </Btn>
        <Text className='home-title'>暖心工会</Text>
        <Text className='home-greeting'>{g.title}</Text>
        <Text className='home-sub'>{g.sub}</Text>
        {g.next ? (
          <View className='home-next'>
            <View className='home-next-button' onClick={() => go(g.next!.to)} {...a11y({ role: 'button', label: g.next.label, focusable: true })} {...keyActivate()}>
              <Text>{g.next.label} ›</Text>
            </View>
            {g.also ? (
              <View className='home-next-also' onClick={() => go(g.also!.to)} {...a11y({ role: 'link', label: g.also.label, focusable: true })} {...keyActivate()}>
                <Text>{g.also.label}</Text>
              </View>
            ) : null}
          </View>
        ) : null}
      </View>
      {staff ? (
        <View className='home-group home-group-first'>
          <Text className='home-group-title'>工作人员</Text>
          <Tiles tiles={STAFF_TILES} staff />
        </View>
      ) : null}
      <View className={`home-group ${staff ? '' : 'home-group-first'}`}>
        {staff ? <Text className='home-group-title'>会员服务</Text> : null}
        <Tiles tiles={MEMBER_TILES} />
      </View>
    </Screen>
  )
}
