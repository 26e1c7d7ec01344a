import pino from 'pino'

// Personal data never reaches a log line: known fields are censored, and any 18-character ID number or
// mobile number that slips into a message is masked by the formatter below.
const REDACT = ['idNumber', 'phone', 'lat', 'lng', 'token', 'authorization', 'code']
const paths = [...REDACT, ...REDACT.map((k) => `*.${k}`), ...REDACT.map((k) => `*.*.${k}`), 'req.headers.authorization']

export function scrub(text: string): string {
  return text
    .replace(/\b(\d{6})\d{8}(\d{3}[\dXx])\b/g, '$1********$2')
    .replace(/\b(1[3-9]\d)\d{4}(\d{4})\b/g, '$1****$2')
}

/** A database error's own fields that carry row values: the bound parameters and the "failing row" detail. */
const VALUE_FIELDS = ['params', 'parameters', 'detail', 'where', 'internalQuery', 'hint']

/** Errors as logged: the message, stack and SQLSTATE (as sqlState, which `code` redaction would hide), never values. */
export function errorFields(e: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = pino.stdSerializers.err(e as Error) as unknown as Record<string, unknown>
  for (const k of VALUE_FIELDS) delete out[k]
  const code = (e as { code?: unknown })?.code
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) out.sqlState = code
  if (typeof out.message === 'string') out.message = scrub(out.message)
  return out
}

export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream) {
  return pino(
    {
    level,
    serializers: { err: errorFields },
    redact: { paths, censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>)
      },
    },
    },
    destination ?? pino.destination(1),
  )
}

export type Logger = ReturnType<typeof createLogger>
