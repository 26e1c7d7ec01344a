// Which backend the client build talks to, decided once at build time and baked into the bundle.
// Settings come from the shell and from Taro's .env files (.env, .env.local, .env.<mode>, .env.<mode>.local);
// the shell wins. The mini-program runtime has no `process`, so nothing here may be read at run time.

export type Transport = 'h5' | 'cloud' | 'https'

export interface ClientEnv {
  transport: Transport
  /** The HTTPS gateway (https transport); '' otherwise. */
  apiBase: string
  /** The CloudBase environment id (cloud transport); '' otherwise. */
  cloudEnv: string
  /** Whether the login page offers `dev:` codes (never in a weapp production build). */
  devLogin: boolean
}

export interface ClientEnvInput {
  /** TARO_ENV: 'weapp' | 'h5' | ... */
  platform: string
  production: boolean
  /** Shell environment merged over the .env files. */
  vars: Record<string, string | undefined>
}

const CLOUD_ENV_RE = /^[A-Za-z0-9-]{1,64}$/
/** What a weapp may call in development: any http(s) origin (DevTools with domain checks off). */
const DEV_BASE = 'http://127.0.0.1:8080'

export class ClientEnvError extends Error {}

const fail = (why: string) =>
  new ClientEnvError(
    `${why}\nA mini-program build needs one backend: TARO_APP_CLOUD_ENV=<CloudBase env id> (wx.cloud.callFunction) ` +
      'or TARO_APP_API_BASE=https://<gateway> (HTTPS gateway). Set it in the shell or in .env (see .env.example).',
  )

export function resolveClientEnv({ platform, production, vars }: ClientEnvInput): ClientEnv {
  if (platform === 'h5') return { transport: 'h5', apiBase: '', cloudEnv: '', devLogin: true }
  const cloudEnv = (vars.TARO_APP_CLOUD_ENV ?? '').trim()
  const apiBase = (vars.TARO_APP_API_BASE ?? '').trim().replace(/\/+$/, '')
  const devLogin = !production
  if (cloudEnv && apiBase) throw fail(`Both TARO_APP_CLOUD_ENV and TARO_APP_API_BASE are set; choose one.`)
  if (cloudEnv) {
    if (!CLOUD_ENV_RE.test(cloudEnv)) throw fail(`TARO_APP_CLOUD_ENV "${cloudEnv}" is not a CloudBase environment id.`)
    return { transport: 'cloud', apiBase: '', cloudEnv, devLogin }
  }
  if (apiBase) {
    let url: URL
    try {
      url = new URL(apiBase)
    } catch {
      throw fail(`TARO_APP_API_BASE "${apiBase}" is not a URL.`)
    }
    const secure = url.protocol === 'https:'
    if (production && !secure) throw fail(`TARO_APP_API_BASE must be an https:// address in a production build (WeChat refuses plain http), got "${apiBase}".`)
    if (!secure && url.protocol !== 'http:') throw fail(`TARO_APP_API_BASE "${apiBase}" must start with https://.`)
    return { transport: 'https', apiBase, cloudEnv: '', devLogin }
  }
  if (production) throw fail('Neither TARO_APP_CLOUD_ENV nor TARO_APP_API_BASE is set for this weapp production build.')
  return { transport: 'https', apiBase: DEV_BASE, cloudEnv: '', devLogin }
}

/** The constants the bundle reads (see global.d.ts). */
export function defineConstantsFor(env: ClientEnv): Record<string, string> {
  return {
    WU_TRANSPORT: JSON.stringify(env.transport),
    WU_API_BASE: JSON.stringify(env.apiBase),
    WU_CLOUD_ENV: JSON.stringify(env.cloudEnv),
    WU_DEV_LOGIN: JSON.stringify(env.devLogin),
  }
}
