import { defineFunction } from '../../platform/handler'
import { login } from '../../domain/auth/service'
import { endSession } from '../../domain/auth/session'
import { confirmQr, loginQr, pollQr, scanQr } from '../../domain/auth/login-qr'

export const fn = defineFunction('auth', {
  login: { access: 'public', run: ({ app }, input) => login(app, input.code) },
  me: {
    access: 'user',
    run: async ({ caller }) => ({ openid: caller.openid, roles: caller.roles, staffUnionId: caller.staffUnion?.id ?? null }),
  },
  loginQr: { access: 'public', run: ({ app, via }) => loginQr(app, via) },
  scanQr: { access: 'user', run: ({ app, caller }, input) => scanQr(app, caller, input.challenge) },
  confirmQr: { access: 'user', run: ({ app, caller }, input) => confirmQr(app, caller, input.challenge) },
  pollQr: { access: 'public', run: ({ app }, input) => pollQr(app, input.challenge, input.pollKey) },
  logout: { access: 'user', run: async ({ app, via }) => ({ ended: await endSession(app, via.token) }) },
})
export const main = fn.main
