// The harness itself, on tiny hand-written mini-programs: it must catch what breaks inside WeChat
// (Node-only globals, uncaught errors, unhandled rejections, unknown APIs, broken requires and links),
// and render, tap and clone data the way WeChat does.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { launchWeapp, type MiniProgram } from '../support/weapp/mini-program'
import { identifierUses, syntaxErrors } from '../support/weapp/static'
import type { WeappHost } from '../support/weapp/wx'

const APP_JSON = { pages: ['pages/a/index', 'pages/b/index'], subPackages: [{ root: 'packages/s', pages: ['p/index'] }] }

const made: string[] = []
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

/** Writes a mini-program whose first page runs `onLoad` (ES5) and shows {{msg}}. */
function fixture(onLoad: string, extra: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wu-weapp-fixture-'))
  made.push(dir)
  const files: Record<string, string> = {
    'app.json': JSON.stringify(APP_JSON),
    'app.js': 'App({ onLaunch: function () { this.launched = true } })',
    'pages/a/index.js': `Page({ data: { msg: 'start', list: [] }, go: function () { this.setData({ msg: 'tapped' }) }, onLoad: function (query) { var page = this; ${onLoad} } })`,
    'pages/a/index.wxml': '<view class="box" bindtap="go"><text class="msg">{{msg}}</text><view wx:for="{{list}}" wx:key="*this" class="item">{{item.name}}</view></view>',
    'pages/b/index.js': 'Page({ data: { msg: "b" } })',
    'pages/b/index.wxml': '<view>{{msg}}</view>',
    'packages/s/p/index.js': 'Page({})',
    'packages/s/p/index.wxml': '<view></view>',
    'packages/s/lib.js': 'module.exports = 1',
    ...extra,
  }
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true })
    fs.writeFileSync(path.join(dir, f), text)
  }
  return dir
}

const host: WeappHost = {
  loginCode: () => 'dev:someone',
  request: async () => ({ statusCode: 200, data: { items: [{ name: '一' }, { name: '二' }] }, header: {} }),
  callFunction: async () => ({ ok: true, data: {} }),
}

let mp: MiniProgram | undefined
afterEach(() => mp?.close())

async function open(onLoad: string, extra?: Record<string, string>) {
  mp = await launchWeapp({ dir: fixture(onLoad, extra), host })
  const page = await mp.open('pages/a/index', { id: '7' })
  return { mp, page }
}

const kinds = (m: MiniProgram) => m.problems.map((p) => p.kind)

describe('the weapp harness', () => {
  it('should give page code only the logic-layer globals when it runs', async () => {
    const names = ['window', 'document', 'self', 'navigator', 'location', 'XMLHttpRequest', 'localStorage', 'setImmediate', 'queueMicrotask', 'Buffer', 'WebAssembly']
    const { mp, page } = await open(`page.setData({ msg: [${names.map((n) => `typeof ${n}`).join(', ')}].join(',') + '|' + [typeof wx, typeof App, typeof Page, typeof Component, typeof getApp, typeof getCurrentPages, typeof require, typeof setTimeout, typeof console].join(',') })`)
    expect(page.text()).toBe(`${names.map(() => 'undefined').join(',')}|object,function,function,function,function,function,function,function,object`)
    expect(mp.app?.launched).toBe(true)
    mp.assertHealthy()
  })

  it('should report the read of process when built code still says process.env', async () => {
    const { mp, page } = await open(`try { page.setData({ msg: process.env.TARO_APP_API_BASE }) } catch (e) { page.setData({ msg: e.name + ': ' + e.message }) }`)
    expect(page.text()).toBe('ReferenceError: process is not defined')
    expect(mp.report()).toMatch(/read the global "process"/)
  })

  it('should report fetch and global when the code reaches for them', async () => {
    const { mp } = await open(`try { fetch('/x') } catch (e) {} try { global.x = 1 } catch (e) {}`)
    expect(mp.report()).toMatch(/"fetch"/)
    expect(mp.report()).toMatch(/"global"/)
  })

  it('should record an uncaught error when a timer callback throws', async () => {
    const { mp } = await open(`setTimeout(function () { throw new TypeError('late boom') }, 10)`)
    expect(mp.report()).toMatch(/setTimeout callback: TypeError: late boom/)
  })

  it('should record an uncaught error when onLoad throws', async () => {
    const { mp } = await open(`null.x`)
    expect(kinds(mp)).toEqual(['error'])
  })

  it('should record an unhandled rejection when a promise fails unobserved', async () => {
    const { mp } = await open(`(function () { return new Promise(function (_, reject) { setTimeout(function () { reject(new Error('nobody listens')) }, 5) }) })()`)
    expect(mp.report()).toMatch(/Unhandled promise rejection: Error: nobody listens/)
  })

  it('should settle while an interval keeps ticking when a page shows a countdown', async () => {
    const { mp, page } = await open(`var n = 0; setInterval(function () { n++ }, 20); setTimeout(function () { page.setData({ msg: 'later' }) }, 200)`)
    expect(page.text()).toBe('later')
    mp.assertHealthy()
  })

  it('should refuse eval and new Function when the code builds code from strings', async () => {
    const { mp, page } = await open(`try { new Function('return 1')() } catch (e) { page.setData({ msg: e.name }) }`)
    expect(page.text()).toBe('EvalError')
    mp.assertHealthy()
  })

  it('should record an unknown wx API when the code reads one', async () => {
    const { mp } = await open(`if (wx.getBatteryInfoSync) wx.getBatteryInfoSync()`)
    expect(mp.report()).toMatch(/wx\.getBatteryInfoSync read/)
  })

  it('should refuse a subpackage file when the main package requires it', async () => {
    const { mp } = await open(`require('../../packages/s/lib.js')`)
    expect(mp.report()).toMatch(/module 'packages\/s\/lib.js' is not defined/)
  })

  it('should record a navigation to a page app.json does not have', async () => {
    const { mp } = await open(`wx.navigateTo({ url: '/pages/nope/index', fail: function () {} })`)
    expect(mp.report()).toMatch(/page "pages\/nope\/index" is not found/)
  })

  it('should follow a navigation and pass the query when the app navigates', async () => {
    const { mp } = await open(`wx.navigateTo({ url: '../b/index?x=1&y=a%20b' })`)
    const b = await mp.follow()
    expect(b.route).toBe('pages/b/index')
    expect(b.query).toEqual({ x: '1', y: 'a%20b' })
    expect(mp.stack.map((p) => p.state)).toEqual(['hidden', 'shown'])
    mp.assertHealthy()
  })

  it('should hand the page JSON-cloned data of its own realm when a request answers', async () => {
    const { mp, page } = await open(`wx.request({ url: 'https://api.example.cn/api/x', method: 'POST', data: { action: 'a' }, success: function (r) { page.setData({ msg: String(r.data.items instanceof Array) + r.statusCode, list: r.data.items }) } })`)
    expect(page.lines()).toEqual(['true200', '一', '二'])
    expect(page.calls).toMatchObject([{ transport: 'https', fn: 'x', action: 'a' }])
    mp.assertHealthy()
  })

  it('should refuse a request outside the domain list when the code calls another host', async () => {
    const { mp } = await open(`wx.request({ url: 'https://evil.example.com/x', fail: function () {} })`)
    expect(mp.report()).toMatch(/not in the request domain list/)
  })

  it('should apply setData paths and run taps through the WXML bindings when the member taps', async () => {
    const { mp, page } = await open(`page.setData({ 'list[1].name': '乙', 'list[0]': { name: '甲' } })`)
    expect(page.lines()).toEqual(['start', '甲', '乙'])
    await page.tap({ cls: 'item', text: '乙' })
    expect(page.lines()[0]).toBe('tapped')
    mp.assertHealthy()
  })
})

describe('the static checks', () => {
  it('should find process and newer syntax when a bundle has them', () => {
    const dir = fixture('', { 'bad.js': 'var a = { process: 1 }; a.process; var b = x?.y ?? process.env.TARO_APP_API_BASE;' })
    expect(syntaxErrors(dir, 2019).map((f) => f.file)).toEqual(['bad.js'])
    expect(identifierUses(dir, ['process']).map((f) => `${f.file}:${f.column}`)).toEqual(['bad.js:51'])
  })
})
