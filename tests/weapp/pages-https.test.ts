// The weapp built with TARO_APP_API_BASE=https://api.example.cn: wx.request to a gateway, wx.login tokens.
import { describePages } from './pages'

jest.setTimeout(60_000)
describePages('https')
