// The backend a client build is baked with: which settings a weapp build needs, and what each gives.
import { ClientEnvError, defineConstantsFor, resolveClientEnv } from '../../config/client-env'

const weapp = (vars: Record<string, string | undefined>, production = true) => resolveClientEnv({ platform: 'weapp', production, vars })

describe('client build settings', () => {
  it('should use its own origin and offer dev logins when building H5, whatever is set', () => {
    expect(resolveClientEnv({ platform: 'h5', production: true, vars: { TARO_APP_API_BASE: 'https://api.example.cn' } })).toEqual({ transport: 'h5', apiBase: '', cloudEnv: '', devLogin: true })
  })

  it('should call the HTTPS gateway when a weapp build names TARO_APP_API_BASE', () => {
    expect(weapp({ TARO_APP_API_BASE: 'https://api.example.cn/' })).toEqual({ transport: 'https', apiBase: 'https://api.example.cn', cloudEnv: '', devLogin: false })
  })

  it('should call cloud functions when a weapp build names TARO_APP_CLOUD_ENV', () => {
    expect(weapp({ TARO_APP_CLOUD_ENV: 'test-env' })).toEqual({ transport: 'cloud', apiBase: '', cloudEnv: 'test-env', devLogin: false })
  })

  it('should fail naming both settings when a weapp production build has neither', () => {
    expect(() => weapp({})).toThrow(ClientEnvError)
    expect(() => weapp({ TARO_APP_API_BASE: '  ' })).toThrow(/TARO_APP_CLOUD_ENV.*TARO_APP_API_BASE/s)
  })

  it('should refuse a plain-http or malformed gateway when the weapp build is for production', () => {
    expect(() => weapp({ TARO_APP_API_BASE: 'http://api.example.cn' })).toThrow(/https:\/\//)
    expect(() => weapp({ TARO_APP_API_BASE: 'api.example.cn' })).toThrow(/not a URL/)
    expect(() => weapp({ TARO_APP_API_BASE: 'ftp://api.example.cn' }, false)).toThrow(/https:\/\//)
  })

  it('should refuse a malformed env id, or both settings at once, when building weapp', () => {
    expect(() => weapp({ TARO_APP_CLOUD_ENV: 'bad env"' })).toThrow(/not a CloudBase environment id/)
    expect(() => weapp({ TARO_APP_CLOUD_ENV: 'test-env', TARO_APP_API_BASE: 'https://api.example.cn' })).toThrow(/choose one/)
  })

  it('should fall back to a local gateway with dev logins when a weapp development build has no setting', () => {
    expect(weapp({}, false)).toEqual({ transport: 'https', apiBase: 'http://127.0.0.1:8080', cloudEnv: '', devLogin: true })
    expect(weapp({ TARO_APP_API_BASE: 'http://192.168.1.5:8080' }, false).apiBase).toBe('http://192.168.1.5:8080')
  })

  it('should bake every setting as a JSON literal when defining constants', () => {
    const c = defineConstantsFor(weapp({ TARO_APP_CLOUD_ENV: 'test-env' }))
    expect(c).toEqual({ WU_TRANSPORT: '"cloud"', WU_API_BASE: '""', WU_CLOUD_ENV: '"test-env"', WU_DEV_LOGIN: 'false' })
  })
})
