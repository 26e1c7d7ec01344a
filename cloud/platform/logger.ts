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

export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream) {
  return pino(
    {
    level,
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
