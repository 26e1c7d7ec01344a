// The one wrapper every function goes through: parse the request, resolve the caller, authorize,
// validate input with the contract schema, run the service, and turn any error into the reply.
import { z } from 'zod'
import { contract, type ActionData, type ActionName, type ActionOutput, type FunctionName } from '../../types/contract'
import { ERROR_STATUS, unsafeTextPath, type ApiError, type Envelope } from '../../types/common'
import { AppError } from './errors'
import { appOrError, type App } from './app'
import { isSaneOpenid, platformOpenid } from './identity'
import { callerByOpenid, callerByToken, type Caller } from './caller'
import { limitOf } from './rate-limit'

z.config(z.locales.zhCN())

/** public: anyone; user: any logged-in caller; staff: union staff or admin; admin: platform admin. */
export type Access = 'public' | 'user' | 'staff' | 'admin'

export interface Ctx<C extends Caller | null = Caller> {
  app: App
  caller: C
  /** How the call arrived: the session token it carried (gateway), the client's address and browser. */
  via: { token?: string; address?: string; userAgent?: string }
}

export type ActionDef<F extends FunctionName, A extends ActionName<F>> =
  | { access: 'public'; run: (ctx: Ctx<Caller | null>, input: ActionData<F, A>) => Promise<ActionOutput<F, A>> }
  | { access: Exclude<Access, 'public'>; run: (ctx: Ctx, input: ActionData<F, A>) => Promise<ActionOutput<F, A>> }

export type Handlers<F extends FunctionName> = { [A in ActionName<F>]: ActionDef<F, A> }

/**
 * How the transport identified the caller: a bearer token (gateway) or the WeChat context's openid, and
 * the client's address when the transport knows it (the gateway's trusted view, WX_CLIENTIP in a function),
 * with the request id its log lines carry.
 */
export type Identity = ({ token?: string } | { openid: string }) & { address?: string; requestId?: string; userAgent?: string }

export interface Reply {
  status: number
  body: Envelope<unknown>
  /** e.g. Retry-After on RATE_LIMITED. */
  headers?: Record<string, string>
}

const requestSchema = z.object({ action: z.string().min(1).max(64), data: z.unknown().optional() })

function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_'
    if (!(key in fields)) fields[key] = issue.message
  }
  return fields
}

function fail(code: ApiError['code'], message: string, fields?: Record<string, string>): Reply {
  return { status: ERROR_STATUS[code], body: { ok: false, error: fields ? { code, message, fields } : { code, message } } }
}

export interface CloudFunction<F extends FunctionName> {
  name: F
  /** Who may call each action: lets tests check every staff action against scope. */
  access: Record<string, Access>
  handle(app: App, request: unknown, identity: Identity): Promise<Reply>
  /** WeChat cloud-function entry: the caller's OPENID comes from the WeChat context, never from the event body. */
  main(event: unknown, context?: unknown): Promise<Envelope<unknown>>
}

export function defineFunction<F extends FunctionName>(name: F, handlers: Handlers<F>): CloudFunction<F> {
  const actions = contract[name] as Record<string, { input: z.ZodType; output: z.ZodType }>

  async function handle(app: App, request: unknown, identity: Identity): Promise<Reply> {
    const started = performance.now()
    const reply = await answer(app, request, identity)
    const action = (request as { action?: unknown } | null)?.action
    const known = typeof action === 'string' && Object.prototype.hasOwnProperty.call(handlers, action)
    app.metrics.call(name, known ? (action as string) : '?', reply.body.ok ? 'ok' : reply.body.error.code, (performance.now() - started) / 1000)
    return reply
  }

  async function answer(app: App, request: unknown, identity: Identity): Promise<Reply> {
    let actionName = '?'
    try {
      const req = requestSchema.safeParse(request)
      if (!req.success) return fail('VALIDATION_FAILED', '请求格式不正确，应为 {"action": "...", "data": {...}}')
      actionName = req.data.action
      const def = Object.prototype.hasOwnProperty.call(handlers, actionName) ? (handlers as Record<string, ActionDef<F, any>>)[actionName] : undefined
      if (!def) return fail('UNKNOWN_ACTION', `未知的操作：${name}.${actionName.slice(0, 64)}`)
      const unsafe = unsafeTextPath(req.data.data)
      if (unsafe) return fail('VALIDATION_FAILED', '输入中含有无法识别的字符，请删除后重试', { [unsafe]: '含有无法识别的字符' })

      let caller: Caller | null = null
      if ('openid' in identity) {
        // A malformed OPENID did not come from WeChat: no caller, and user actions are refused.
        if (isSaneOpenid(identity.openid)) caller = await callerByOpenid(app, identity.openid)
        else if (def.access !== 'public') return fail('UNAUTHENTICATED', '微信身份无效，请重新进入小程序')
      } else if (identity.token) {
        caller = await callerByToken(app, identity.token)
        // An expired session still reads what anyone may read (the finder, the shop).
        if (!caller && def.access !== 'public') return fail('UNAUTHENTICATED', '登录已过期，请重新登录')
      }
      if (def.access !== 'public' && !caller) return fail('UNAUTHENTICATED', '请先登录')
      if (def.access === 'staff' && !caller!.staffUnion && !caller!.isAdmin) return fail('FORBIDDEN', '仅限工会工作人员使用')
      if (def.access === 'admin' && !caller!.isAdmin) return fail('FORBIDDEN', '仅限平台管理员使用')
      const limit = limitOf(name, actionName)
      if (limit) {
        // Counted before the input is checked: a guess with a malformed code is still a guess.
        const wait = await app.limiter.consume(limit, { account: caller?.userId, address: identity.address })
        if (wait) {
          const reply = fail('RATE_LIMITED', `操作太频繁，请 ${waitText(wait.retryAfterS)}后再试`)
          return { ...reply, headers: { 'retry-after': String(wait.retryAfterS) } }
        }
      }

      const parsed = actions[actionName].input.safeParse(req.data.data ?? {})
      if (!parsed.success) {
        const fields = fieldsOf(parsed.error)
        return fail('VALIDATION_FAILED', Object.values(fields)[0] ?? '输入不正确', fields)
      }
      const via = { token: 'token' in identity ? identity.token : undefined, address: identity.address, userAgent: identity.userAgent }
      const out = await def.run({ app, caller: caller as Caller, via }, parsed.data as never)
      if (!app.config.production) actions[actionName].output.parse(out)
      return { status: 200, body: { ok: true, data: out } }
    } catch (e) {
      if (e instanceof AppError) return fail(e.code, e.message, e.fields)
      app.log.error({ err: e, fn: name, action: actionName, requestId: identity.requestId }, 'unexpected error')
      return fail('INTERNAL', '服务暂时不可用，请稍后重试')
    }
  }

  async function main(event: unknown, context?: unknown): Promise<Envelope<unknown>> {
    const started = await appOrError()
    if ('error' in started) return { ok: false, error: started.error }
    const openid = platformOpenid(context)
    const address = process.env.WX_CLIENTIP || undefined
    const requestId = (context as { request_id?: unknown } | undefined)?.request_id
    const call = { address, requestId: typeof requestId === 'string' ? requestId : undefined }
    const reply = await handle(started.app, event, openid !== null ? { openid, ...call } : call)
    return reply.body
  }

  const access = Object.fromEntries(Object.entries(handlers as Record<string, { access: Access }>).map(([k, v]) => [k, v.access]))
  return { name, access, handle, main }
}

const waitText = (s: number) => (s < 120 ? `${s} 秒` : `${Math.ceil(s / 60)} 分钟`)
