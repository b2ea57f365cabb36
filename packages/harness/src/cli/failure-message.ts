import type { CliSettings } from './settings.js'

/**
 * One line saying why the emulator did not start and how to fix it, for any error
 * `startEmulator` throws. Never a stack trace: this is what a person sees in the terminal.
 *
 * @param error - what `startEmulator` threw
 * @param settings - the settings it was started with, to name the flag to change
 */
export function failureMessage(
  error: unknown,
  settings: Pick<CliSettings, 'port' | 'host'>,
): string {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined
  if (code === 'PORT_IN_USE' || code === 'EADDRINUSE') {
    return `port ${settings.port} is in use: pass --port 0 for a free port, or stop whatever listens on ${settings.host}:${settings.port}`
  }
  const syscall =
    typeof error === 'object' && error !== null && 'syscall' in error ? error.syscall : undefined
  if (code === 'EACCES' && syscall === 'listen') {
    return `no permission to listen on port ${settings.port}: pass --port 0 for a free port, or a port above 1023`
  }
  if ((code === 'EACCES' || code === 'EPERM' || code === 'EROFS') && error instanceof Error) {
    const path = 'path' in error && typeof error.path === 'string' ? error.path : undefined
    return path === undefined
      ? error.message
      : `no permission to write ${path}: give the user running the emulator write access, or choose another --persist directory`
  }
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/\s*\n\s*/g, ' ')
}
