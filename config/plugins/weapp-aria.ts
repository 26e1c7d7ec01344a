// WeChat reads aria-role, aria-label and the other aria-* attributes on components (aria-component,
// base library 2.7.1+), but Taro's weapp templates carry only the attributes Taro knows, so what the pages
// set (client/components/ui/a11y.ts) would never reach WeChat. This adds them to the templates of the
// components the pages use; client/components/ui/platform.weapp.ts adds the same list to the runtime's
// (tests/unit/weapp-aria.test.ts keeps the two equal: Taro cannot load client code here).
import type { IPluginContext } from '@tarojs/service'

// Taro's form: the WXML attribute name and '' (bound as is, no default).
const attrs = (names: string[]) => Object.fromEntries(names.map((n) => [`aria-${n}`, '']))

export const ARIA_ATTRIBUTES: Record<string, Record<string, string>> = {
  View: attrs(['role', 'label', 'hidden', 'pressed', 'selected', 'checked', 'disabled', 'expanded', 'level', 'live']),
  Text: attrs(['role', 'label', 'hidden', 'level', 'live']),
  Image: attrs(['role', 'label', 'hidden']),
  Button: attrs(['label', 'disabled', 'pressed']),
  Input: attrs(['label']),
  Textarea: attrs(['label']),
}

type Platform = { platform?: string; template?: { mergeComponents(c: IPluginContext, patch: object): void } }

export default (ctx: IPluginContext) => {
  // Called by Taro's mini-program platform once its own component list is set, before templates are built.
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform: Platform) {
      if (platform.platform === 'weapp') platform.template?.mergeComponents(ctx, ARIA_ATTRIBUTES)
    },
  })
}
