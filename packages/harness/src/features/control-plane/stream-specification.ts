import type { StoredTable } from '../../engine/dynalite-internals.js'

/** What a StreamSpecification asks for. */
export interface StreamRequest {
  enabled: boolean
  viewType: string | undefined
}

const streamViewTypes = ['NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES', 'KEYS_ONLY']

/**
 * Checks a StreamSpecification (already type-checked), with DynamoDB Local's messages; an unknown
 * StreamViewType is refused as the service's enumeration says (Local 3.3.0 stores it as
 * `UNKNOWN_TO_SDK_VERSION`).
 *
 * @returns the error message, or the request
 */
export function checkStreamSpecification(
  specification: Record<string, unknown>,
): StreamRequest | string {
  const enabled = specification.StreamEnabled
  const viewType = specification.StreamViewType as string | undefined
  if (enabled === undefined || enabled === null) return 'Stream StreamEnabled was null'
  if (viewType !== undefined && !streamViewTypes.includes(viewType)) {
    return `1 validation error detected: Value '${viewType}' at 'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy enum value set: [${streamViewTypes.join(', ')}]`
  }
  if (enabled === true && viewType === undefined) {
    return 'Invalid StreamViewType: Stream ViewType must not be null or empty when enabling streams.'
  }
  if (enabled === false && viewType !== undefined) {
    return 'Invalid StreamViewType: Stream StreamEnabled was false but a StreamViewType was present.'
  }
  return { enabled: enabled === true, viewType }
}

/** Why a table cannot make this change to its stream, or undefined when it can. */
export function streamChangeProblem(table: StoredTable, stream: StreamRequest): string | undefined {
  const current = table.StreamSpecification as { StreamEnabled?: boolean } | undefined
  if (stream.enabled && current?.StreamEnabled) return 'Table already has an enabled stream'
  if (!stream.enabled && !current?.StreamEnabled) return 'Table has no stream to disable'
  return undefined
}

/**
 * Applies a stream change to a stored description as DynamoDB describes it: enabling stores the
 * specification and a new `LatestStreamLabel` (the time, ISO 8601 without the zone) and
 * `LatestStreamArn`; disabling removes the specification and keeps the latest stream's label
 * and ARN. No stream records are produced.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TableDescription.html
 */
export function applyStream(table: StoredTable, stream: StreamRequest, now: Date): void {
  if (!stream.enabled) {
    delete table.StreamSpecification
    return
  }
  const label = now.toISOString().replace(/Z$/, '')
  table.StreamSpecification = { StreamEnabled: true, StreamViewType: stream.viewType }
  table.LatestStreamLabel = label
  table.LatestStreamArn = `${String(table.TableArn)}/stream/${label}`
}
