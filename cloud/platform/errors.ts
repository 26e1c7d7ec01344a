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
