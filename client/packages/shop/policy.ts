// Policy numbers the shop pages show, read from config/policies/shop.json when the client is built (the
// bundler inlines what is used), so the pages never keep a copy of them.
import policy from '../../../config/policies/shop.json'

/** Members: most units of one product per order; the server checks again. */
export const MEMBER_MAX_QTY: number = policy.memberMaxQtyPerLine
