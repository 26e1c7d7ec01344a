// Policy numbers the hardship pages show, read from config/policies/subsidy.json when the client is built
// (the bundler inlines what is used), so the pages never keep a copy of them.
import policy from '../../../config/policies/subsidy.json'

/**
 * The relief programmes a union can budget for, in the policy's order. Rows from subsidy.budgets carry
 * their own names; this list is for the "新增预算" form.
 */
export const BUDGET_PROGRAMMES: readonly { id: string; name: string }[] = policy.programmes.map(({ id, name }) => ({ id, name }))
