// The aria-* attributes WeChat reads (aria-component) that the pages set, per Taro component, in Taro's
// form: the WXML attribute name and '' (bound as is). One list for the templates (config/plugins/weapp-aria.ts,
// given it by config/index.ts) and the runtime (platform.weapp.ts), so Taro's short attribute names agree.
const attrs = (names: string[]) => Object.fromEntries(names.map((n) => [`aria-${n}`, '']))

export const ARIA_ATTRIBUTES: Record<string, Record<string, string>> = {
  View: attrs(['role', 'label', 'hidden', 'pressed', 'selected', 'checked', 'disabled', 'expanded', 'level', 'live']),
  Text: attrs(['role', 'label', 'hidden', 'level', 'live']),
  Image: attrs(['role', 'label', 'hidden']),
  Button: attrs(['label', 'disabled', 'pressed']),
  Input: attrs(['label']),
  Textarea: attrs(['label']),
}
