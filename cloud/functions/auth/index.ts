import { defineFunction } from '../../platform/handler'
import { login } from '../../domain/auth/service'

export const fn = defineFunction('auth', {
  login: { access: 'public', run: ({ app }, input) => login(app, input.code) },
  me: {
    access: 'user',
    run: async ({ caller }) => ({ openid: caller.openid, roles: caller.roles, staffUnionId: caller.staffUnion?.id ?? null }),
  },
})
export const main = fn.main
