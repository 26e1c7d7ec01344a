// Answers for requests that never reach a function (malformed JSON, an over-long URL, oversized headers,
// a body sent too slowly, a server shutting down) in the same envelope every function answers with.
import type { Socket } from 'node:net'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorCode } from '../../../types/common'

export interface EdgeError {
  status: number
  code: ErrorCode
  message: string
}

export const envelope = (e: EdgeError) => ({ ok: false as const, error: { code: e.code, message: e.message } })

const FORMAT = '请求格式不正确，应为 JSON：{"action": "...", "data": {...}}'

/** What fastify's own errors (parsing, routing) mean for the caller. */
export function edgeError(err: { statusCode?: number; code?: string }): EdgeError {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') return { status: 414, code: 'VALIDATION_FAILED', message: '请求地址过长' }
  if (err.code === 'FST_ERR_BAD_URL') return { status: 400, code: 'VALIDATION_FAILED', message: '请求地址不正确' }
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500
  if (status === 413) return { status, code: 'VALIDATION_FAILED', message: '请求内容过大' }
  if (status === 408) return { status, code: 'VALIDATION_FAILED', message: '请求发送超时，请检查网络后重试' }
  if (status === 500) return { status, code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' }
  return { status, code: 'VALIDATION_FAILED', message: FORMAT }
}

export const NOT_FOUND: EdgeError = { status: 404, code: 'NOT_FOUND', message: '页面或服务不存在' }
export const CLOSING: EdgeError = { status: 503, code: 'UNAVAILABLE', message: '服务正在重启，请稍后重试' }

/** fastify's frameworkErrors: routing-level errors, before any hook or handler. */
export function frameworkErrors(err: { code?: string; statusCode?: number }, _req: FastifyRequest, reply: FastifyReply): void {
  const e = edgeError(err)
  void reply.status(e.status).send(envelope(e))
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 413: 'Payload Too Large', 431: 'Request Header Fields Too Large' }

/** Errors Node's HTTP parser raises on the socket itself (headers too large, a request too slow, garbage). */
export function clientErrorHandler(err: { code?: string }, socket: Socket): void {
  const e: EdgeError =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? { status: 431, code: 'VALIDATION_FAILED', message: '请求头过大' }
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? { status: 408, code: 'VALIDATION_FAILED', message: '请求发送超时，请检查网络后重试' }
        : { status: 400, code: 'VALIDATION_FAILED', message: FORMAT }
  if (!socket.writable || err.code === 'ECONNRESET') return void socket.destroy()
  const body = JSON.stringify(envelope(e))
  socket.end(`HTTP/1.1 ${e.status} ${REASONS[e.status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
}
