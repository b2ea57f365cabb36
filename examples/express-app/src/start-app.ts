import type { AddressInfo } from 'node:net'
import type { Express } from 'express'

/** A running app, from {@link startApp}. */
export interface RunningApp extends AsyncDisposable {
  /**
   * The app's URL, on `localhost`: browsers treat `http://localhost` as a secure context,
   * which WebAuthn requires, and `127.0.0.1` would not match the passkeys' relying party id.
   */
  readonly url: string
  readonly port: number
  /** Stops listening and closes open connections. Idempotent. */
  close(): Promise<void>
}

/** Where {@link startApp} listens. */
export interface StartAppOptions {
  /** @defaultValue 0 (a free port) */
  port?: number | undefined
  /** @defaultValue '127.0.0.1' */
  host?: string | undefined
}

/**
 * Starts an Express app on a loopback port.
 *
 * @throws the `listen` error (e.g. `EADDRINUSE` for a taken port)
 */
export async function startApp(app: Express, options: StartAppOptions = {}): Promise<RunningApp> {
  const server = app.listen(options.port ?? 0, options.host ?? '127.0.0.1')
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.once('listening', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  let closed: Promise<void> | undefined
  const close = () => {
    closed ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()))
      // Browsers keep connections alive; without this, close() waits for them to time out.
      server.closeAllConnections()
    })
    return closed
  }
  return { url: `http://localhost:${port}`, port, close, [Symbol.asyncDispose]: close }
}
