// Order creation through the HTTP gateway on the PostgreSQL server: orders per second, with the oversell check.
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { startTestApp } from '../tests/support/app'
import { address, newProduct } from '../tests/support/shop'

const LOAD = `
const { parentPort, workerData } = require('node:worker_threads')
const { randomBytes } = require('node:crypto')
const { url, tokens, ids, total, address } = workerData
let next = 0
const counts = { created: 0, outOfStock: 0, other: 0 }
Promise.all(tokens.map(async (token) => {
  while (next < total) {
    const i = next++
    const res = await fetch(url + '/api/shop', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token },
      body: JSON.stringify({ action: 'createOrder', data: { requestId: 'req-' + randomBytes(8).toString('hex'), items: [{ productId: ids[i % ids.length], qty: 1 }], delivery: address } }),
    })
    const body = await res.json()
    if (body.ok) counts.created++
    else if (body.error && body.error.code === 'OUT_OF_STOCK') counts.outOfStock++
    else counts.other++
  }
})).then(() => parentPort.postMessage(counts))
`

export async function benchOrders(total = 3000, concurrency = 32, products = 20, stockEach = 120) {
  const t = await startTestApp('postgres')
  try {
    const ids = await Promise.all(Array.from({ length: products }, () => newProduct(t, stockEach)))
    const tokens: string[] = []
    for (let i = 0; i < concurrency; i++) {
      const r = await fetch(`${t.url}/api/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'login', data: { code: `dev:bench-${i}` } }) })
      tokens.push(((await r.json()) as { data: { token: string } }).data.token)
    }
    // The load runs in a worker thread, so the client's fetch work does not share the gateway's event loop.
    const started = performance.now()
    const counts = await new Promise<{ created: number; outOfStock: number; other: number }>((resolve, reject) => {
      const w = new Worker(LOAD, { eval: true, workerData: { url: t.url, tokens, ids, total, address } })
      w.once('message', resolve)
      w.once('error', reject)
    })
    const { created, outOfStock, other } = counts
    const seconds = (performance.now() - started) / 1000
    const [stock] = await t.app.db.query<{ min: number; left: number }>('select min(stock)::int as min, sum(stock)::int as left from products where id = any($1::uuid[])', [ids])
    const oversold = stock.min < 0 || created + stock.left !== products * stockEach
    return { createdPerSecond: created / seconds, requestsPerSecond: (created + outOfStock + other) / seconds, created, outOfStock, other, oversold, minStock: stock.min }
  } finally {
    await t.close()
  }
}

