// Every deployable function, for the gateway and the tests.
import { fn as auth } from './auth'
import { fn as union } from './union'
import { fn as member } from './member'

export const functions = { auth, union, member } as const
