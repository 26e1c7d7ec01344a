// Login and sessions. Resolving a session back to a caller is the platform's job (platform/caller.ts).
import type { App } from '../../platform/app'
import { AppError } from '../../platform/errors'
import { OPENID_PATTERN } from '../../platform/identity'
import { callerById, userForOpenid } from '../../platform/caller'
import { startSession } from './session'

/** Resolves a login code to an openid: WeChat code2session when configured, `dev:<openid>` outside production. */
async function openidForCode(app: App, code: string): Promise<string> {
  if (code.startsWith('dev:')) {
    if (app.config.production) throw new AppError('UNAUTHENTICATED', '登录凭证无效，请重新进入小程序')
    const openid = code.slice(4)
    if (!OPENID_PATTERN.test(openid)) throw new AppError('VALIDATION_FAILED', '开发登录标识只能包含字母、数字、下划线和短横线（最多64位）', { code: '格式不正确' })
    return openid
  }
  const wx = await app.wx.code2session(code)
  if (!wx) throw new AppError('UNAUTHENTICATED', '登录凭证无效，请重新进入小程序')
  return wx.openid
}

export async function login(app: App, code: string) {
  const openid = await openidForCode(app, code)
  const { token, expiresAt, caller } = await app.db.tx(async (q) => {
    const userId = await userForOpenid(q, openid, app.now())
    const session = await startSession(app, q, userId)
    return { ...session, caller: await callerById(q, userId) }
  })
  return { token, openid, roles: caller.roles, staffUnionId: caller.staffUnion?.id ?? null, expiresAt: expiresAt.toISOString() }
}
