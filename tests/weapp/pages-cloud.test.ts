// The weapp built with TARO_APP_CLOUD_ENV=test-env: wx.cloud.callFunction into the function entry points.
import { describePages } from './pages'

jest.setTimeout(60_000)
describePages('cloud')
