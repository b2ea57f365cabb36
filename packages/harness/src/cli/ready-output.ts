import type { CliSettings } from './settings.js'

/** What the CLI reports once the emulator is listening. */
export interface ReadyInfo {
  /** DynamoDB endpoint for AWS SDK clients, e.g. `http://127.0.0.1:8000`. */
  endpoint: string
  /** Region to configure on clients. */
  region: string
  /** Credentials the emulator accepts. */
  credentials: { accessKeyId: string; secretAccessKey: string }
  /** Names of the tables created at start. */
  tables: string[]
  /** Base URL of the admin API (clock, sweep, reset, health). */
  adminUrl: string
  /** The inspector page to open in a browser (with `?token=` when the admin API needs one). */
  inspectorUrl: string
  /** The port actually bound (differs from the requested one when that was 0). */
  port: number
  /** Absolute path of the data directory, or `undefined` when the data is in memory. */
  persist: string | undefined
  /** The clock TTL expiry is measured on. */
  clock: CliSettings['clock']
  /** When expired items are deleted. */
  ttlMode: CliSettings['ttlMode']
  /** The interface listened on. */
  host: string
  /** The admin API's token, when it needs one (a host beyond loopback). */
  adminToken: string | undefined
}

/**
 * The inspector's address as the ready output prints it.
 *
 * @param adminUrl - the admin API's base URL
 * @param adminToken - the admin token, when the emulator needs one
 */
export function inspectorUrl(adminUrl: string, adminToken: string | undefined): string {
  const page = `${adminUrl}/inspector`
  return adminToken ? `${page}?token=${encodeURIComponent(adminToken)}` : page
}

/**
 * The variables an Auth.js app reads to reach DynamoDB, as `.env` lines.
 *
 * @param info - the running emulator
 */
export function envLines(info: ReadyInfo): string[] {
  return Object.entries(envVariables(info)).map(([name, value]) => `${name}=${value}`)
}

function envVariables(info: ReadyInfo): Record<string, string> {
  return {
    AUTH_DYNAMODB_ENDPOINT: info.endpoint,
    AUTH_DYNAMODB_REGION: info.region,
    AUTH_DYNAMODB_ID: info.credentials.accessKeyId,
    AUTH_DYNAMODB_SECRET: info.credentials.secretAccessKey,
  }
}

/**
 * The single line `--json` prints when ready: `{"endpoint":"...","tables":["next-auth"],...}`.
 * `persist` is `null` when the data is in memory.
 *
 * @param info - the running emulator
 */
export function readyJson(info: ReadyInfo): string {
  return JSON.stringify({
    endpoint: info.endpoint,
    region: info.region,
    credentials: info.credentials,
    tables: info.tables,
    adminUrl: info.adminUrl,
    inspectorUrl: info.inspectorUrl,
    port: info.port,
    persist: info.persist ?? null,
    clock: info.clock,
    ttlMode: info.ttlMode,
    adminToken: info.adminToken ?? null,
    env: envVariables(info),
  })
}

/**
 * The human-readable text printed when ready: where to connect, and the `.env` lines to paste.
 *
 * @param info - the running emulator
 * @param version - the package version
 */
export function readyText(info: ReadyInfo, version: string): string {
  return [
    `auth-dynamo-emulator ${version} is ready`,
    '',
    `  endpoint  ${info.endpoint}`,
    `  tables    ${info.tables.join(', ')}`,
    `  admin     ${info.adminUrl}`,
    `  inspect   ${info.inspectorUrl} (tables, items, Auth.js users, clock; open in a browser)`,
    `  data      ${info.persist ?? 'in memory (pass --persist DIR to keep it)'}`,
    `  clock     ${info.clock}, TTL mode ${info.ttlMode}`,
    ...(info.adminToken
      ? [`  token     ${info.adminToken} (the admin API needs it: Authorization: Bearer <token>)`]
      : []),
    '',
    'Paste into .env:',
    '',
    ...envLines(info),
    '',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n')
}

/**
 * The warning printed (on stderr) when the emulator listens beyond loopback: anyone who can
 * reach the port can read and change every table, and the admin API needs the token.
 *
 * @param info - the running emulator
 */
export function exposureWarning(info: ReadyInfo): string {
  return [
    `warning: listening on ${info.host}: anyone on your network can read and write every table at ${info.endpoint} (DynamoDB does not check credentials here).`,
    `warning: the admin API at ${info.adminUrl} (clock, reset, items) needs the token ${info.adminToken ?? '(none)'}; pass --admin-token to choose it.`,
    '',
  ].join('\n')
}

/**
 * The line printed when the default namespace's clock moves, so that a developer whose app
 * writes `expires` from its own clock sees why new sessions and tokens expire at once.
 *
 * @param now - the clock's new time
 * @param offsetMs - how far it is from the machine's time
 * @param adminUrl - the admin API's base URL
 */
export function clockMovedText(now: Date, offsetMs: number, adminUrl: string): string {
  if (Math.abs(offsetMs) < 1000) return `clock back on real time (${now.toISOString()})\n`
  const direction = offsetMs > 0 ? 'ahead of' : 'behind'
  const consequence =
    offsetMs > 0
      ? "  Your app still writes expiry times from the machine's clock: sessions and tokens it creates now may already count as expired and be swept."
      : "  Your app still writes expiry times from the machine's clock: what it creates now is swept later than its expiry says."
  return [
    `clock moved to ${now.toISOString()}, ${formatDuration(Math.abs(offsetMs))} ${direction} real time.`,
    consequence,
    `  Return to real time with: curl -X POST -H 'content-type: application/json' -d '{"reset":true}' ${adminUrl}/clock`,
    '',
  ].join('\n')
}

function formatDuration(ms: number): string {
  const units: Array<[string, number]> = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ]
  const parts: string[] = []
  let rest = ms
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size)
    if (count > 0 || (unit === 's' && parts.length === 0)) parts.push(`${count}${unit}`)
    rest -= count * size
    if (parts.length === 2) break
  }
  return parts.join(' ')
}
