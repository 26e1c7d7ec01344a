// WeChat reads aria-role, aria-label and the other aria-* attributes on components (aria-component,
// base library 2.7.1+), but Taro's weapp templates carry only the attributes Taro knows, so what the pages
// set (client/components/ui/a11y.ts) would never reach WeChat. This adds them to the templates of the
// components the pages use; client/components/ui/platform.weapp.ts adds the same list to the runtime's.
import type { IPluginContext } from '@tarojs/service'

type Platform = { platform?: string; template?: { mergeComponents(c: IPluginContext, patch: object): void } }

/** Options from config/index.ts: the list in client/components/ui/aria-attributes.ts, which the runtime uses too. */
export default (ctx: IPluginContext, opts: { attributes: Record<string, Record<string, string>> }) => {
  // Called by Taro's mini-program platform once its own component list is set, before templates are built.
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform: Platform) {
      if (platform.platform === 'weapp') platform.template?.mergeComponents(ctx, opts.attributes)
    },
  })
}
