import type { EmulatorError } from '../errors/emulator-error.js'

/** The HTTP status the admin API answers an {@link EmulatorError} with. */
export function emulatorErrorStatus(error: EmulatorError): number {
  if (error.code === 'INVALID_STATE') return 503
  return error.code === 'TABLE_NOT_FOUND' ? 404 : 400
}
