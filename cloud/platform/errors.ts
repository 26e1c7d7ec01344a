import { ERROR_STATUS, type ErrorCode } from '../../types/common'

/**
 * The one error class. Operational errors carry a stable code and a Chinese message a member can read;
 * anything else is a bug and reaches the client only as INTERNAL.
 */
export class AppError extends Error {
  readonly operational = true
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message)
    this.name = 'AppError'
  }
  get status(): number {
    return ERROR_STATUS[this.code]
  }
}

export const notFound = (message: string) => new AppError('NOT_FOUND', message)
export const forbidden = (message = '您没有权限执行此操作') => new AppError('FORBIDDEN', message)
export const conflict = (code: ErrorCode, message: string) => new AppError(code, message)
