// Home greets by what is known and 我的 shows the member's name, union and roles (never the account id);
// dates carry their year across a year boundary; the union picker passes the occupation and says why.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Home from '../../client/pages/index/index'
import MePage from '../../client/pages/me/index'
import { greeting, rememberApplied } from '../../client/pages/index/greeting'
import { UnionPicker } from '../../client/packages/member/union-picker'
import { logout } from '../../client/services/session'
import { monthDayText, monthDayTimeText } from '../../client/services/dates'
import { shortTime } from '../../client/packages/campaign/shared'
import { formatClock } from '../../client/components/station/format'
import { fail, freshSession, gateway, ok, type Call } from './helpers'

const MEMBER = { openid: 'oAbC-member-openid', roles: ['member'], staffUnionId: null }
const NEWCOMER = { openid: 'oAbC-newcomer-openid', roles: [], staffUnionId: null }
const STAFF = { openid: 'oAbC-staff-openid', roles: ['staff'], staffUnionId: 'u-jw' }
const CARD = { name: '李建国', unionName: '北京国贸物业管理有限公司工会', status: 'active', cardNo: '110105001001-000001', unionId: 'u-gm' }

function answer(me: object, card: object | null) {
  return gateway(({ fn, action }) => {
    if (fn === 'auth' && action === 'me') return ok(me)
    if (fn === 'member' && action === 'myCard') return card ? ok(card) : fail('NOT_FOUND', '您还没有会员卡')
    return fail('UNKNOWN_ACTION', `${fn}.${action}`)
  })
}
const made = (calls: Call[]) => calls.map((c) => `${c.fn}.${c.action}`)

beforeEach(() => {
  logout()
  freshSession()
})
afterEach(cleanup)

describe('greeting', () => {
  test('should greet by name when the member has a card', () => {
    expect(greeting(MEMBER as never, { name: '李建国', status: 'active' }, false)).toEqual({ title: '李建国，您好', sub: '职工之家在身边' })
  })

  test('should say the application is being reviewed when the card is pending', () => {
    expect(greeting(NEWCOMER as never, { name: '张新民', status: 'pending' }, false)).toMatchObject({ title: '张新民，您好', next: { label: '查看审核进度', to: 'card' } })
  })

  test('should welcome a newcomer with 申请入会 as the next step when nothing is known', () => {
    const g = greeting(NEWCOMER as never, null, false)
    expect(g.title).toBe('欢迎来到暖心工会')
    expect(g.title).not.toContain('会员朋友')
    expect(g.next).toEqual({ label: '申请入会', to: 'member/register' })
  })

  test('should stay neutral when the card of a member cannot be read', () => {
    expect(greeting(MEMBER as never, undefined, false).title).toBe('您好，欢迎回来')
    expect(greeting(STAFF as never, null, true).title).toBe('工会工作人员，您好')
  })
})

describe('home page', () => {
  test("should greet the member by the card's name when a member opens home", async () => {
    answer(MEMBER, CARD)
    render(<Home />)
    expect(await screen.findByText('李建国，您好')).toBeTruthy()
    expect(document.body.textContent).not.toContain('会员朋友')
  })

  test('should offer 申请入会 and ask for no card when a newcomer opens home', async () => {
    const calls = answer(NEWCOMER, null)
    const go = jest.spyOn(Taro, 'navigateTo')
    render(<Home />)
    expect(await screen.findByText('欢迎来到暖心工会')).toBeTruthy()
    fireEvent.click(screen.getByText('申请入会 ›'))
    expect(go).toHaveBeenCalledWith({ url: '/packages/member/register/index' })
    expect(made(calls)).toEqual(['auth.me'])
  })

  test('should greet by name with the review state when someone who applied on this phone opens home', async () => {
    rememberApplied(true)
    answer(NEWCOMER, { ...CARD, name: '张新民', status: 'pending', cardNo: null })
    render(<Home />)
    expect(await screen.findByText('张新民，您好')).toBeTruthy()
    expect(screen.getByText('查看审核进度 ›')).toBeTruthy()
  })
})

describe('me page', () => {
  test('should show name, union, card and roles but never the account id when a member opens 我的', async () => {
    answer(MEMBER, CARD)
    const { container } = render(<MePage />)
    await waitFor(() => expect(container.querySelector('.me-name')?.textContent).toBe('李建国'))
    expect(container.querySelector('.me-union')?.textContent).toBe('北京国贸物业管理有限公司工会')
    expect(container.querySelector('.me-card-status')?.textContent).toBe('有效 · 110105001001-000001')
    expect(container.querySelector('.me-roles')?.textContent).toBe('会员')
    expect(container.textContent).not.toContain(MEMBER.openid)
  })

  test('should say 尚未入会 and offer to join when a newcomer opens 我的', async () => {
    answer(NEWCOMER, null)
    const { container } = render(<MePage />)
    await waitFor(() => expect(container.querySelector('.me-roles')?.textContent).toBe('尚未入会'))
    expect(screen.getByText('申请入会，领取电子会员卡')).toBeTruthy()
    expect(container.textContent).not.toContain(NEWCOMER.openid)
  })
})

describe('dates', () => {
  const now = new Date(2026, 11, 20, 10, 0).getTime() // 2026-12-20, phone time

  test('should leave the year out only when the date is in the current year', () => {
    expect(monthDayText(new Date(2026, 11, 1), now)).toBe('12月01日')
    expect(monthDayText(new Date(2027, 0, 5), now)).toBe('2027年01月05日')
    expect(monthDayTimeText(new Date(2025, 11, 31, 23, 30), now)).toBe('2025年12月31日 23:30')
  })

  test('should show the year in campaign times and station clock times when they cross a year boundary', () => {
    expect(shortTime(new Date(2027, 0, 5, 9, 0).toISOString(), now)).toBe('2027年01月05日 09:00')
    expect(shortTime(new Date(2026, 11, 28, 9, 0).toISOString(), now)).toBe('12月28日 09:00')
    expect(formatClock(new Date(2025, 11, 31, 18, 5), new Date(2026, 0, 1, 8).getTime())).toBe('2025年12月31日 18:05')
    expect(formatClock(new Date(2026, 7, 3, 14, 5), now)).toBe('8月3日 14:05')
  })
})

describe('union picker', () => {
  const unions = [
    { id: 'u-sf', name: '顺丰速运朝阳营业区工会', code: '110105900001', level: 'grassroots', parentId: 'u-kd', parentName: '朝阳区快递行业工会联合会', acceptsMembers: true, reason: 'occupation' },
    { id: 'u-gm', name: '北京国贸物业管理有限公司工会', code: '110105001001', level: 'grassroots', parentId: 'u-jw', parentName: '建外街道总工会', acceptsMembers: true },
  ]

  test('should ask for unions fitting the picked occupation and say why one is first when the occupation changes', async () => {
    const calls = gateway(() => ok({ items: unions, total: 23 }))
    const view = render(<UnionPicker picked={null} onPick={() => undefined} occupation={null} />)
    await screen.findByText('顺丰速运朝阳营业区工会')
    expect(calls[0].data).toEqual({ acceptsMembers: true, limit: 20 })
    view.rerender(<UnionPicker picked={null} onPick={() => undefined} occupation='courier' />)
    await waitFor(() => expect(calls).toHaveLength(2))
    expect(calls[1].data).toEqual({ acceptsMembers: true, limit: 20, occupation: 'courier' })
    expect(screen.getByText('与您的职业相关')).toBeTruthy()
    expect(screen.getByText('共 23 个工会，这里是最相关的 2 个；输入单位或工会名称可以找到其他工会')).toBeTruthy()
  })
})
