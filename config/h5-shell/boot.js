// The first screen before the app: runs inline in index.html (hashed by the gateway's CSP). On the home
// route the prerendered tiles are already there; on the finder it locates the phone, starts the nearest-
// stations request and lists the answer (or the last saved list when offline). The app takes the position
// and the answer over (window.__wuShell) and removes the shell once its own page shows.
// __SHELL__ is replaced at build time by the finder's settings and labels (config/h5-shell/index.ts).
;(function (w, d) {
  var C = __SHELL__
  var shell = d.getElementById('wu-shell')
  var routeOf = function () {
    var h = location.hash.slice(1).split('?')[0]
    return h && h !== '/' ? h : C.home
  }
  var route = routeOf()
  var kind = route === C.home ? 'home' : route === C.finder ? 'finder' : ''
  var boot = (w.__wuShell = { kind: kind, origin: null, nearby: null, done: done })
  var restore = []

  function done() {
    if (shell && shell.parentNode) shell.parentNode.removeChild(shell)
    shell = null
    boot.kind = ''
    while (restore.length) restore.pop()()
  }
  if (!kind || !shell) return done()
  shell.setAttribute('data-kind', kind)

  // Leaving the shell's route (a tap on it, or the app going elsewhere) ends the shell.
  function check() {
    if (routeOf() !== route) done()
  }
  ;['pushState', 'replaceState'].forEach(function (m) {
    var original = history[m]
    history[m] = function () {
      var r = original.apply(this, arguments)
      check()
      return r
    }
    restore.push(function () {
      history[m] = original
    })
  })
  w.addEventListener('hashchange', check)
  w.addEventListener('popstate', check)
  restore.push(function () {
    w.removeEventListener('hashchange', check)
    w.removeEventListener('popstate', check)
  })
  if (kind === 'finder') locate()

  function status(text) {
    var s = d.getElementById('wu-shell-status')
    if (s) s.textContent = text
  }

  function locate() {
    var geo = navigator.geolocation
    var settled = false
    var give = function (text) {
      settled = true
      status(text)
    }
    if (!geo) return give(C.text.opening)
    var timer = setTimeout(function () {
      if (!settled) give(C.text.opening)
    }, C.locateMs)
    geo.getCurrentPosition(
      function (p) {
        if (settled) return
        settled = true
        clearTimeout(timer)
        var o = gcj02(p.coords.latitude, p.coords.longitude)
        boot.origin = o
        status(C.text.searching)
        boot.nearby = fetch('/api/station', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ action: 'nearby', data: { lat: o.lat, lng: o.lng, radiusM: C.radiusM, limit: C.limit } }),
        }).then(function (r) {
          return r.json()
        })
        boot.nearby.then(
          function (b) {
            if (b && b.ok) list(b.data.items, 0)
            else offline()
          },
          offline,
        )
      },
      function () {
        if (settled) return
        clearTimeout(timer)
        give(C.text.opening)
      },
      { enableHighAccuracy: false, timeout: C.locateMs, maximumAge: 60000 },
    )
  }

  // What the finder saved last time (Taro storage: {"data": {savedAt, items}}); no position is stored.
  function offline() {
    var saved = null
    try {
      saved = JSON.parse(localStorage.getItem(C.cacheKey) || 'null')
      saved = saved && saved.data
    } catch (e) {
      saved = null
    }
    if (saved && saved.items && saved.items.length) list(saved.items, saved.savedAt)
    else status(C.text.offline)
  }

  function el(tag, cls, text, parent) {
    var e = d.createElement(tag)
    e.className = cls
    if (text) e.textContent = text
    if (parent) parent.appendChild(e)
    return e
  }

  function list(items, savedAt) {
    var box = d.getElementById('wu-shell-list')
    if (!shell || !box) return
    box.textContent = ''
    status(items.length ? '' : C.text.none)
    if (savedAt) el('p', 'shell-offline', C.text.savedAt + clock(savedAt), box)
    items.forEach(function (s) {
      var a = el('a', 'shell-station', '', box)
      a.href = '#' + C.detail + '?id=' + encodeURIComponent(s.id)
      var head = el('span', 'shell-station-head', '', a)
      el('b', 'shell-station-name', s.name, head)
      if (typeof s.distanceM === 'number') el('span', 'shell-station-distance', distance(s.distanceM), head)
      var row = el('span', 'shell-station-row', '', a)
      el('span', s.openNow ? 'shell-badge shell-open' : 'shell-badge', s.openNow ? C.text.open : C.text.closed, row)
      if (s.is24h) el('span', 'shell-badge', C.text.allDay, row)
      ;(s.services || []).forEach(function (k) {
        if (C.services[k]) el('span', 'shell-service', C.services[k], row)
      })
      el('span', 'shell-station-address', s.address, a)
    })
  }

  function distance(m) {
    if (m < 1000) return Math.max(1, Math.round(m)) + '米'
    if (m < 10000) return String(Math.round(m / 100) / 10).replace(/\.0$/, '') + '公里'
    return Math.round(m / 1000) + '公里'
  }

  function clock(at) {
    var t = new Date(at)
    var n = new Date()
    var p = function (x) {
      return (x < 10 ? '0' : '') + x
    }
    var hm = p(t.getHours()) + ':' + p(t.getMinutes())
    return t.toDateString() === n.toDateString() ? hm : t.getMonth() + 1 + '月' + t.getDate() + '日 ' + hm
  }

  // Browser positions are WGS-84; the API takes GCJ-02 (the published conversion, as gcoord does it).
  function gcj02(lat, lng) {
    if (lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271) return { lat: lat, lng: lng }
    var PI = Math.PI
    var A = 6378245
    var EE = 0.006693421622965823
    var x = lng - 105
    var y = lat - 35
    var dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
    var dLng = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
    var common = ((20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2) / 3
    dLat += common + ((20 * Math.sin(y * PI) + 40 * Math.sin((y / 3) * PI)) * 2) / 3 + ((160 * Math.sin((y / 12) * PI) + 320 * Math.sin((y * PI) / 30)) * 2) / 3
    dLng += common + ((20 * Math.sin(x * PI) + 40 * Math.sin((x / 3) * PI)) * 2) / 3 + ((150 * Math.sin((x / 12) * PI) + 300 * Math.sin((x / 30) * PI)) * 2) / 3
    var rad = (lat / 180) * PI
    var magic = 1 - EE * Math.sin(rad) * Math.sin(rad)
    var sq = Math.sqrt(magic)
    dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sq)) * PI)
    dLng = (dLng * 180) / ((A / sq) * Math.cos(rad) * PI)
    return { lat: lat + dLat, lng: lng + dLng }
  }
})(window, document)
