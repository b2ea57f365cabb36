import { createHash } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import type { DiffCase, Item, RequestStep, Step, WaitStep } from './diff-case.js'
import {
  canonicalJson,
  normaliseOutcome,
  type Outcome,
  sortCanonically,
} from './normalise-outcome.js'
import { type RawResponse, sendRaw } from './send-raw.js'
import { freshTableNames, type TableNames } from './table-names.js'
import type { Target } from './target.js'

/** What one step answered on one backend, after normalisation. */
export interface StepRecord {
  /** e.g. `step 2 PutItem`, or `setup CreateTable $T` when the setup failed. */
  step: string
  outcome: Outcome | WaitOutcome | PagedOutcome | RoundsOutcome
  /** The error message, for reports; compared only through `outcome` when a step asks. */
  message?: string
}

/** The end state a wait step saw. */
export interface WaitOutcome {
  wait: 'active' | 'gone' | 'timeout'
}

/** The calls of a batch step sent until nothing was left unprocessed. */
export interface RoundsOutcome {
  rounds: number
  /** The first 16 hex digits of the sha256 of each item read (canonical JSON), sorted. */
  itemDigests: string[]
  /** The first call that failed, if one did. */
  failed?: Outcome
}

/** The pages of a paginated step, put together. */
export interface PagedOutcome {
  pages: number
  Items: unknown[]
  Count: number
  ScannedCount: number
  /** The first page that failed, if one did. */
  failed?: Outcome
}

// DynamoDB Local backfills a new index in the background; on a loaded machine that takes a while.
const waitTimeoutMs = 60_000
const maxPages = 200
const maxRounds = 100
const seedConcurrency = 8

/**
 * Runs one case on one backend: creates its tables under fresh names, puts its items, sends its
 * steps in order, and deletes the tables again. A setup that fails (a table the backend cannot
 * create) ends the case with that failure as its last record.
 */
export async function runCase(target: Target, diffCase: DiffCase): Promise<StepRecord[]> {
  const logical = new Set([...Object.keys(diffCase.tables ?? {}), ...(diffCase.names ?? [])])
  const names = freshTableNames(logical)
  const arns = new Map<string, string>()
  const records: StepRecord[] = []
  try {
    const setupFailure = await setUp(target, diffCase, names, arns)
    if (setupFailure) return [setupFailure]
    for (const [index, step] of diffCase.steps.entries()) {
      records.push(await runStep(target, step, index, names, arns))
    }
    return records
  } finally {
    await Promise.allSettled([...names.real.values()].map((table) => dropTable(target, table)))
  }
}

async function setUp(
  target: Target,
  diffCase: DiffCase,
  names: TableNames,
  arns: Map<string, string>,
): Promise<StepRecord | undefined> {
  const created = await Promise.all(
    Object.entries(diffCase.tables ?? {}).map(async ([name, spec]) => {
      const response = await call(target, 'CreateTable', {
        ...spec,
        TableName: names.real.get(name),
      })
      if (response.status !== 200) {
        return failure(`setup CreateTable $${name}`, 'CreateTable', response, names)
      }
      const description = parseJson(response.text)?.TableDescription
      if (typeof description?.TableArn === 'string') arns.set(name, description.TableArn)
      if (!isActive(description)) {
        const state = await waitUntilActive(target, names.real.get(name) as string)
        if (state !== 'active') {
          return {
            step: `setup CreateTable $${name}`,
            outcome: { wait: state },
          } satisfies StepRecord
        }
      }
      return undefined
    }),
  )
  const tableFailure = created.find((record) => record !== undefined)
  if (tableFailure) return tableFailure

  // BatchWriteItem takes 25 puts and 16 MB a call; items here are at most 400 KB each.
  const batches: Array<{ name: string; items: Item[] }> = []
  for (const [name, items] of Object.entries(diffCase.items ?? {})) {
    for (let start = 0; start < items.length; start += 25) {
      batches.push({ name, items: items.slice(start, start + 25) })
    }
  }
  for (let start = 0; start < batches.length; start += seedConcurrency) {
    const results = await Promise.all(
      batches
        .slice(start, start + seedConcurrency)
        .map(({ name, items }) => seed(target, names, name, items)),
    )
    const seedFailure = results.find((record) => record !== undefined)
    if (seedFailure) return seedFailure
  }
  return undefined
}

async function seed(
  target: Target,
  names: TableNames,
  name: string,
  items: Item[],
): Promise<StepRecord | undefined> {
  let requests: unknown = {
    [names.real.get(name) as string]: items.map((item) => ({ PutRequest: { Item: item } })),
  }
  for (let round = 0; round < maxRounds; round += 1) {
    const response = await call(target, 'BatchWriteItem', { RequestItems: requests })
    if (response.status !== 200)
      return failure(`setup BatchWriteItem $${name}`, 'BatchWriteItem', response, names)
    const left = parseJson(response.text)?.UnprocessedItems
    if (!left || Object.keys(left).length === 0) return undefined
    requests = left
  }
  return { step: `setup BatchWriteItem $${name}`, outcome: { wait: 'timeout' } }
}

async function runStep(
  target: Target,
  step: Step,
  index: number,
  names: TableNames,
  arns: Map<string, string>,
): Promise<StepRecord> {
  if (isWait(step)) {
    const table = names.real.get(step.wait)
    if (table === undefined) throw new Error(`wait step names an unknown table ${step.wait}`)
    return {
      step: `step ${index + 1} wait $${step.wait}`,
      outcome: { wait: await waitUntilActive(target, table) },
    }
  }
  const label = `step ${index + 1} ${step.op}`
  await learnArns(target, step, names, arns)
  if (step.compare?.paginate)
    return { step: label, outcome: await paginate(target, step, names, arns) }
  if (step.compare?.untilProcessed) {
    return { step: label, outcome: await untilProcessed(target, step, names, arns) }
  }
  const response = relabel(await send(target, step, names, arns), names)
  return {
    step: label,
    outcome: normaliseOutcome(step.op, response, step.compare, step.body),
    message: errorMessage(response),
  }
}

async function paginate(
  target: Target,
  step: RequestStep,
  names: TableNames,
  arns: Map<string, string>,
): Promise<PagedOutcome> {
  const paged: PagedOutcome = { pages: 0, Items: [], Count: 0, ScannedCount: 0 }
  const request = step.body as Record<string, unknown>
  const segments = step.compare?.allSegments ? Number(request.TotalSegments) : 0
  for (let segment = 0; segment < Math.max(segments, 1) && !paged.failed; segment += 1) {
    let startKey: unknown
    do {
      const body = { ...request }
      if (segments > 0) body.Segment = segment
      if (startKey !== undefined) body.ExclusiveStartKey = startKey
      const response = await send(target, { ...step, body }, names, arns)
      paged.pages += 1
      const outcome = normaliseOutcome(step.op, relabel(response, names), { ordered: true }, body)
      if (outcome.error !== undefined || outcome.nonJson !== undefined) {
        paged.failed = outcome
        break
      }
      const page = outcome.body as Record<string, unknown>
      if (Array.isArray(page.Items)) paged.Items.push(...page.Items)
      paged.Count += Number(page.Count ?? 0)
      paged.ScannedCount += Number(page.ScannedCount ?? 0)
      startKey = parseJson(response.text)?.LastEvaluatedKey
    } while (startKey !== undefined && paged.pages < maxPages)
  }
  // How segments split the items, and so how many pages each takes, is unspecified.
  if (segments > 0) paged.pages = 0
  if (step.op === 'Scan' && !step.compare?.ordered) paged.Items = sortCanonically(paged.Items)
  return paged
}

async function untilProcessed(
  target: Target,
  step: RequestStep,
  names: TableNames,
  arns: Map<string, string>,
): Promise<RoundsOutcome> {
  const result: RoundsOutcome = { rounds: 0, itemDigests: [] }
  let body = step.body as Record<string, unknown>
  for (;;) {
    const response = await send(target, { ...step, body }, names, arns)
    result.rounds += 1
    const outcome = normaliseOutcome(step.op, relabel(response, names), {}, body)
    if (outcome.error !== undefined || outcome.nonJson !== undefined) {
      result.failed = outcome
      break
    }
    const answer = parseJson(response.text)
    for (const items of Object.values(answer?.Responses ?? {})) {
      for (const item of items as unknown[]) {
        result.itemDigests.push(
          createHash('sha256').update(canonicalJson(item)).digest('hex').slice(0, 16),
        )
      }
    }
    const left = answer?.UnprocessedKeys ?? answer?.UnprocessedItems
    if (!left || Object.keys(left).length === 0 || result.rounds >= maxRounds) break
    body = { ...body, RequestItems: left }
  }
  result.itemDigests.sort()
  return result
}

function send(
  target: Target,
  step: RequestStep,
  names: TableNames,
  arns: Map<string, string>,
): Promise<RawResponse> {
  const text = step.rawBody ?? JSON.stringify(step.body ?? {})
  return sendRaw(target, {
    target: step.target === undefined ? `DynamoDB_20120810.${step.op}` : step.target,
    body: names.toReal(text, arns),
    headers: step.headers,
  })
}

/** Finds the ARN of each table a step names as `$arn:T` and that setup did not create. */
async function learnArns(
  target: Target,
  step: RequestStep,
  names: TableNames,
  arns: Map<string, string>,
): Promise<void> {
  const text = step.rawBody ?? JSON.stringify(step.body ?? {})
  for (const match of text.matchAll(/\$arn:([A-Z][A-Za-z0-9]*)/g)) {
    const name = match[1] as string
    const table = names.real.get(name)
    if (table === undefined || arns.has(name)) continue
    const response = await call(target, 'DescribeTable', { TableName: table })
    const arn = parseJson(response.text)?.Table?.TableArn
    if (typeof arn === 'string') arns.set(name, arn)
  }
}

async function waitUntilActive(target: Target, table: string): Promise<WaitOutcome['wait']> {
  const deadline = Date.now() + waitTimeoutMs
  for (;;) {
    const response = await call(target, 'DescribeTable', { TableName: table })
    if (response.status !== 200) return 'gone'
    if (isActive(parseJson(response.text)?.Table)) return 'active'
    if (Date.now() > deadline) return 'timeout'
    await delay(50)
  }
}

async function dropTable(target: Target, table: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const response = await call(target, 'DeleteTable', { TableName: table })
    if (response.status === 200 || /ResourceNotFoundException/.test(response.text)) return
    if (/deletion protection/i.test(response.text)) {
      await call(target, 'UpdateTable', { TableName: table, DeletionProtectionEnabled: false })
    } else {
      // An index still being created or deleted holds the table (ResourceInUseException).
      await delay(100)
    }
  }
}

function call(target: Target, op: string, body: unknown): Promise<RawResponse> {
  return sendRaw(target, { target: `DynamoDB_20120810.${op}`, body: JSON.stringify(body) })
}

function failure(step: string, op: string, response: RawResponse, names: TableNames): StepRecord {
  const relabelled = relabel(response, names)
  return { step, outcome: normaliseOutcome(op, relabelled, {}), message: errorMessage(relabelled) }
}

function errorMessage(response: RawResponse): string | undefined {
  if (response.status < 300) return undefined
  const body = parseJson(response.text)
  const message = body?.message ?? body?.Message
  return typeof message === 'string' ? message : response.text.slice(0, 300)
}

function relabel(response: RawResponse, names: TableNames): RawResponse {
  return { status: response.status, text: names.toLogical(response.text) }
}

// biome-ignore lint/suspicious/noExplicitAny: a table description, read by its documented shape
function isActive(description: any): boolean {
  const indexes: Array<{ IndexStatus?: string }> = description?.GlobalSecondaryIndexes ?? []
  return (
    description?.TableStatus === 'ACTIVE' &&
    indexes.every((index) => index.IndexStatus === 'ACTIVE')
  )
}

function isWait(step: Step): step is WaitStep {
  return 'wait' in step
}

// biome-ignore lint/suspicious/noExplicitAny: answers are read by their documented shape
function parseJson(text: string): any {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
