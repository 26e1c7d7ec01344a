// How the phone names the desktop asking to log in: browser and system from its User-Agent, and its
// address masked (the full address is never stored). Pure.

export function browserOf(ua: string | undefined): string {
  const s = ua ?? ''
  const browser = /Edg\//.test(s) ? 'Edge' : /WindowsWechat|MacWechat|MicroMessenger/.test(s) ? '微信' : /Firefox\//.test(s) ? 'Firefox' : /Chrome\//.test(s) ? 'Chrome' : /Safari\//.test(s) ? 'Safari' : '浏览器'
  const system = /Windows/.test(s) ? 'Windows' : /Mac OS X|Macintosh/.test(s) ? 'Mac' : /CrOS/.test(s) ? 'ChromeOS' : /Android/.test(s) ? 'Android' : /iPhone|iPad/.test(s) ? 'iOS' : /Linux/.test(s) ? 'Linux' : '未知系统'
  return `${system} 上的 ${browser}`
}

export function maskAddress(address: string | undefined): string {
  const a = (address ?? '').replace(/^::ffff:/, '')
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(a)
  if (v4) return `${v4[1]}.${v4[2]}.*.*`
  if (a.includes(':')) return `${a.split(':').slice(0, 2).join(':')}:*`
  return '未知'
}
