// On weapp a page's aria props reach WeChat only if Taro's templates carry them (client/components/ui/aria-attributes.ts).
// Every attribute the shared a11y() helper can set on a View must be in that list.
import { ARIA_ATTRIBUTES } from '../../client/components/ui/aria-attributes'

describe('weapp aria attributes', () => {
  it('should carry every attribute a11y() sets on weapp in the View template', async () => {
    process.env.TARO_ENV = 'weapp'
    jest.resetModules()
    const { a11y } = await import('../../client/components/ui/a11y')
    const set = a11y({ role: 'button', label: '提交', pressed: true, selected: true, checked: true, disabled: true, expanded: true, hidden: true, level: 2, live: 'polite', focusable: true })
    expect(Object.keys(set).sort()).toEqual(Object.keys(ARIA_ATTRIBUTES.View).sort())
    delete process.env.TARO_ENV
  })
})
