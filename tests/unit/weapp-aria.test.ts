// The weapp templates (built with config/plugins/weapp-aria.ts) and the runtime (client/components/ui/
// platform.weapp.ts) must list the same aria attributes: Taro numbers a component's attributes in sorted
// order, so one missing on either side would shift every short name of that component.
import { ARIA_ATTRIBUTES as built } from '../../config/plugins/weapp-aria'
import { ARIA_ATTRIBUTES as runtime } from '../../client/components/ui/aria-attributes'

describe('weapp aria attributes', () => {
  it('should be the same list in the template plugin and the runtime when both are loaded', () => {
    expect(runtime).toEqual(built)
    expect(Object.keys(built.View)).toContain('aria-role')
  })
})
