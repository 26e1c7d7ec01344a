// The load generators' HTTP client, as source for their worker threads: node:http on kept-alive sockets.
// fetch (undici) costs about four times the CPU per request here, and on a small machine the client's CPU
// is taken from the gateway it measures.
export const POST_SOURCE = `
const http = require('node:http')
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })
/** POSTs a JSON body (with extra headers, if given); resolves with the parsed JSON answer. */
function post(url, path, token, body, extra) {
  const u = new URL(url)
  const data = Buffer.from(JSON.stringify(body))
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, path, method: 'POST', agent, headers: { ...extra, 'content-type': 'application/json', 'content-length': data.length, authorization: 'Bearer ' + token } },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (c) => (text += c))
        res.on('end', () => {
          try {
            resolve(JSON.parse(text))
          } catch (e) {
            reject(e)
          }
        })
      },
    )
    req.on('error', reject)
    req.end(data)
  })
}
`
