// The aria attributes WeChat reads (aria-component), per Taro component, in Taro's own form: the WXML
// attribute name and '' (bound as is). The runtime's copy of config/plugins/weapp-aria.ts's list (which
// builds the templates); tests/unit/weapp-aria.test.ts keeps them equal.
const attrs = (names: string[]) => Object.fromEntries(names.map((n) => [`aria-${n}`, '']))

export const ARIA_ATTRIBUTES: Record<string, Record<string, string>> = {
  View: attrs(['role', 'label', 'hidden', 'pressed', 'selected', 'checked', 'disabled', 'expanded', 'level', 'live']),
  Text: attrs(['role', 'label', 'hidden', 'level', 'live']),
  Image: attrs(['role', 'label', 'hidden']),
  Button: attrs(['label', 'disabled', 'pressed']),
  Input: attrs(['label']),
  Textarea: attrs(['label']),
}
