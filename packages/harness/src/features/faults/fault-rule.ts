import { createRequire } from 'node:module'
import type { z as Zod } from 'zod'
import { EmulatorError } from '../../errors/emulator-error.js'

/**
 * The DynamoDB errors a fault can answer with, and the HTTP status DynamoDB sends each with.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html#Programming.Errors.MessagesAndCodes
 */
export const faultErrors = {
  ProvisionedThroughputExceededException: {
    status: 400,
    message:
      'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
  },
  ThrottlingException: { status: 400, message: 'Rate of requests exceeds the allowed throughput.' },
  RequestLimitExceeded: {
    status: 400,
    message:
      'Throughput exceeds the current throughput limit for your account. Please contact AWS Support at https://aws.amazon.com/support request a limit increase',
  },
  TransactionConflictException: { status: 400, message: 'Transaction is ongoing for the item' },
  InternalServerError: { status: 500, message: 'Internal server error' },
  ServiceUnavailableException: { status: 503, message: 'Service Unavailable' },
} as const

/** A DynamoDB error a fault rule can answer with. */
export type FaultErrorType = keyof typeof faultErrors

/** The operations a `partial-batch` action applies to. */
export const batchOperations = ['BatchWriteItem', 'BatchGetItem'] as const

/**
 * What a fault does when it fires:
 * - `error`: answers with a DynamoDB error; the request is not run.
 * - `disconnect`: resets the connection without answering; the request is not run.
 * - `latency`: waits `ms` milliseconds (real time, not the namespace clock), then runs the request.
 * - `lost-response`: runs the request (its writes are applied), then answers with `error`
 *   (`respond: 'error'`) or resets the connection (`respond: 'disconnect'`): proves that retries are
 *   idempotent.
 * - `partial-batch`: BatchWriteItem leaves `fraction` of the matching items (rounded up) unwritten
 *   and returns them in `UnprocessedItems`; BatchGetItem returns that fraction of the keys in
 *   `UnprocessedKeys`. When that would be every item of the request, it answers
 *   ProvisionedThroughputExceededException, as DynamoDB does.
 */
export type FaultAction =
  | { type: 'error'; error: FaultErrorType; message?: string }
  | { type: 'disconnect' }
  | { type: 'latency'; ms: number }
  | { type: 'lost-response'; respond: 'error'; error?: FaultErrorType; message?: string }
  | { type: 'lost-response'; respond: 'disconnect' }
  | { type: 'partial-batch'; fraction: number }

/**
 * A fault rule: which requests it matches, what it does, and how often it fires. Every
 * condition given must hold; a rule with none matches every request of its namespace.
 */
export interface FaultRuleInput {
  /** DynamoDB operation names (`PutItem`, `BatchWriteItem`...). @defaultValue any operation */
  operations?: string[]
  /**
   * Table names: the request touches one of them (inside BatchGetItem, BatchWriteItem,
   * TransactGetItems and TransactWriteItems too). @defaultValue any table, or none
   */
  tables?: string[]
  /**
   * A String key attribute (partition or sort key) of an item the request names starts with
   * this: `Key`, the key of `Item`, each key of a batch or transaction, the values of a Query's
   * key condition. Scan and table operations never match. @defaultValue no key condition
   */
  keyPrefix?: string
  /** The access key that signed the request, exactly. @defaultValue any principal */
  principal?: string
  /** What the rule does when it fires. */
  action: FaultAction
  /** Chance that a matching request fires the rule, 0 to 1. @defaultValue `1` */
  probability?: number
  /**
   * Seed of the rule's random choices (probability, which batch items go unprocessed), so a run
   * can be reproduced. @defaultValue a random seed, reported in the rule's status
   */
  seed?: number
  /** Fire on exactly this many more matching requests, then stop. @defaultValue no limit */
  times?: number
  /** A note for people reading the rule list. */
  description?: string
}

/** A rule as listed: what it was given, plus its id, seed and counts. */
export interface FaultRuleStatus extends FaultRuleInput {
  readonly id: string
  readonly seed: number
  /** Requests that matched the rule (fired or not). */
  readonly matched: number
  /** Requests the rule acted on. */
  readonly fired: number
  /** Fires left, or null without a `times` limit. */
  readonly remaining: number | null
}

// zod is loaded when the first rule is checked, not when the emulator starts (issue 13: a start
// loads only what serving DynamoDB needs); synchronously, as add() is synchronous.
const requireModule = createRequire(import.meta.url)
let ruleSchema: ReturnType<typeof buildRuleSchema> | undefined

function buildRuleSchema(z: typeof Zod) {
  const errorType = z.enum(Object.keys(faultErrors) as [FaultErrorType, ...FaultErrorType[]])
  const message = z.string().min(1).max(1024)

  const action = z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('error'), error: errorType, message: message.optional() }),
    z.strictObject({ type: z.literal('disconnect') }),
    z.strictObject({ type: z.literal('latency'), ms: z.number().int().min(0).max(60_000) }),
    z.strictObject({
      type: z.literal('lost-response'),
      respond: z.enum(['error', 'disconnect']),
      error: errorType.optional(),
      message: message.optional(),
    }),
    z.strictObject({
      type: z.literal('partial-batch'),
      fraction: z.number().gt(0, 'fraction must be more than 0').max(1),
    }),
  ])

  const name = z.string().min(1).max(255)

  return z.strictObject({
    operations: z.array(name).min(1).max(100).optional(),
    tables: z.array(name).min(1).max(100).optional(),
    keyPrefix: z.string().min(1).max(2048).optional(),
    principal: z.string().min(1).max(512).optional(),
    action,
    probability: z.number().min(0).max(1).optional(),
    seed: z.number().int().min(0).max(4_294_967_295).optional(),
    times: z.number().int().min(1).max(1_000_000).optional(),
    description: z.string().max(1024).optional(),
  })
}

/** What to send, for error messages. */
export const faultRuleHint =
  'a fault rule is { "action": { "type": "error", "error": "ThrottlingException" } | { "type": "disconnect" } | { "type": "latency", "ms": 200 } | { "type": "lost-response", "respond": "error" | "disconnect" } | { "type": "partial-batch", "fraction": 0.5 }, and optionally "operations": ["PutItem"], "tables": ["next-auth"], "keyPrefix": "USER#", "principal": "<access key>", "probability": 0.5, "seed": 42, "times": 1 }'

/**
 * Checks a rule from a caller (a test, the admin API).
 * @throws {@link EmulatorError} `INVALID_OPTIONS` naming each bad field and the rule's shape
 */
export function parseFaultRule(input: unknown): FaultRuleInput {
  ruleSchema ??= buildRuleSchema((requireModule('zod') as typeof import('zod')).z)
  const parsed = ruleSchema.safeParse(input)
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(rule)'}: ${issue.message}`)
      .join('; ')
    throw new EmulatorError('INVALID_OPTIONS', `Invalid fault rule (${problems}): ${faultRuleHint}`)
  }
  const rule = parsed.data as FaultRuleInput
  if (rule.action.type === 'partial-batch' && rule.operations) {
    const others = rule.operations.filter(
      (operation) => !(batchOperations as readonly string[]).includes(operation),
    )
    if (others.length > 0) {
      throw new EmulatorError(
        'INVALID_OPTIONS',
        `Invalid fault rule: a partial-batch action applies to BatchWriteItem and BatchGetItem only, not ${others.join(', ')}`,
      )
    }
  }
  if (
    rule.action.type === 'lost-response' &&
    rule.action.respond === 'disconnect' &&
    ('error' in rule.action || 'message' in rule.action)
  ) {
    throw new EmulatorError(
      'INVALID_OPTIONS',
      'Invalid fault rule: a lost response that disconnects sends no error; drop "error" and "message", or use "respond": "error"',
    )
  }
  return rule
}
