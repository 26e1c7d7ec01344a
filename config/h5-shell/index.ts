// The prerendered first screen of the H5 app, put into index.html at build time: its markup, its CSS
// (inline, so nothing blocks the first paint but the document) and its boot script (inline, minified;
// the gateway's CSP allows it by hash). The weapp build never reads this.
import fs from 'node:fs'
import path from 'node:path'
import { transformSync } from 'esbuild'
import { loadModule } from '../load-module'
import stations from '../policies/stations.json'

type Labels = Record<string, string>


/** The member tiles of the home page (client/pages/index), in its order; a browser test compares them. */
export const SHELL_TILES = [
  { title: '我的会员卡', sub: '电子会员卡 · 出示核验', to: '/pages/card/index' },
  { title: '入会申请', sub: '填写信息 · 立等可取', to: '/packages/member/register/index' },
  { title: '工会活动', sub: '送温暖 · 送清凉', to: '/packages/campaign/feed/index' },
  { title: '暖心驿站', sub: '附近喝水、热饭、歇脚', to: '/pages/stations/index' },
  { title: '工会商城', sub: '消费帮扶好物', to: '/packages/shop/index/index' },
  { title: '困难帮扶', sub: '申请帮扶 · 送温暖', to: '/packages/subsidy/check/index' },
  { title: '我的', sub: '账号与转会', to: '/pages/me/index' },
]

const TEXT = {
  opening: '正在打开驿站地图…',
  searching: '正在查找附近的站点…',
  offline: '网络不太好，正在打开…',
  none: '附近没有找到站点，正在打开完整页面…',
  savedAt: '离线数据，更新于 ',
  open: '营业中',
  closed: '休息中',
  allDay: '24小时',
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

function markup(): string {
  const tiles = SHELL_TILES.map((t) => `<a class="shell-tile" href="#${t.to}"><b>${escape(t.title)}</b><span>${escape(t.sub)}</span></a>`).join('')
  return (
    `<div id="wu-shell" class="wu-shell">` +
    `<div class="shell-home"><div class="shell-hero"><h1>暖心工会</h1><p>欢迎使用，职工之家在身边</p></div><nav class="shell-tiles">${tiles}</nav></div>` +
    `<div class="shell-finder"><div class="shell-bar">暖心驿站</div><div class="shell-finder-body"><p class="shell-origin">📍 当前位置附近</p>` +
    `<p id="wu-shell-status" class="shell-status" role="status">正在获取您的位置…</p><div id="wu-shell-list"></div></div></div>` +
    `</div>`
  )
}

function script(): string {
  const { SERVICE_LABELS } = loadModule<{ SERVICE_LABELS: Labels }>(__dirname, '../../types/station-labels.ts')
  const { SERVICE_ICONS } = loadModule<{ SERVICE_ICONS: Labels }>(__dirname, '../../client/components/station/format.ts')
  const services = Object.fromEntries(Object.keys(SERVICE_LABELS).map((k) => [k, `${SERVICE_ICONS[k]} ${SERVICE_LABELS[k]}`]))
  const settings = {
    home: '/pages/index/index',
    finder: '/pages/stations/index',
    detail: '/packages/stations/detail/index',
    // client/components/station/cache.ts CACHE_KEY; location.ts LOCATION_TIMEOUT_MS (both import Taro).
    cacheKey: 'wu.stations.last',
    radiusM: stations.nearbyDefaultRadiusM,
    limit: stations.nearbyDefaultLimit,
    locateMs: 3000,
    services,
    text: TEXT,
  }
  const source = fs.readFileSync(path.join(__dirname, 'boot.js'), 'utf8').replace('var C = __SHELL__', `var C = ${JSON.stringify(settings)}`)
  // ES2017 syntax: every browser that runs the app parses it.
  return transformSync(source, { minify: true, target: 'es2017', charset: 'utf8' }).code.trim()
}

/** Template parameters for client/index.html (html-webpack-plugin options). */
export function shellTemplateOptions(): { shellHtml: string; shellCss: string; shellScript: string } {
  const css = fs.readFileSync(path.join(__dirname, 'shell.css'), 'utf8')
  return { shellHtml: markup(), shellCss: transformSync(css, { loader: 'css', minify: true }).code.trim(), shellScript: script() }
}
