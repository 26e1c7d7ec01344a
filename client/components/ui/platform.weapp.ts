// Weapp only: the aria attributes Taro's templates carry (aria-attributes.ts) are added to the
// runtime's component list too, before the first page renders, so both use the same short names.
import { mergeInternalComponents } from '@tarojs/shared'
import { ARIA_ATTRIBUTES } from './aria-attributes'

mergeInternalComponents(ARIA_ATTRIBUTES)
