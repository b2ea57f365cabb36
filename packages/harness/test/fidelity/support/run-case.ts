import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb'
import { expect } from 'vitest'
import {
  absent,
  type Expected,
  type FidelityCase,
  type Operation,
  type Step,
} from './fidelity-case.js'

// biome-ignore lint/suspicious/noExplicitAny: each command takes its own input shape
const commands: Record<Operation, new (input: any) => any> = {
  PutItem: PutItemCommand,
  GetItem: GetItemCommand,
  UpdateItem: UpdateItemCommand,
  DeleteItem: DeleteItemCommand,
  Query: QueryCommand,
  Scan: ScanCommand,
  BatchGetItem: BatchGetItemCommand,
  BatchWriteItem: BatchWriteItemCommand,
}

let tableCounter = 0

/** Which answer a step is held to: DynamoDB Local's own, or the one the emulator gives. */
export type Reference = 'emulator' | 'dynamodb-local'

/**
 * Runs a case through the real AWS SDK v3 on a client: creates its tables under fresh names,
 * writes its items, sends each step in order and asserts each answer, then deletes the tables.
 */
export async function runCase(
  client: DynamoDBClient,
  fidelityCase: FidelityCase,
  reference: Reference,
): Promise<void> {
  const names = new Map<string, string>()
  for (const alias of Object.keys(fidelityCase.tables)) {
    names.set(alias, `fidelity-${process.pid}-${Date.now()}-${tableCounter++}`)
  }
  try {
    for (const [alias, definition] of Object.entries(fidelityCase.tables)) {
      const TableName = names.get(alias) as string
      await client.send(
        new CreateTableCommand({
          TableName,
          KeySchema: definition.key,
          AttributeDefinitions: definition.attributes,
          BillingMode: 'PAY_PER_REQUEST',
          GlobalSecondaryIndexes: definition.globalIndexes,
          LocalSecondaryIndexes: definition.localIndexes,
        }),
      )
      await waitUntilActive(client, TableName)
      for (const Item of definition.items ?? []) {
        await client.send(new PutItemCommand({ TableName, Item }))
      }
    }
    for (const [position, step] of fidelityCase.steps.entries()) {
      const expected =
        reference === 'dynamodb-local' && step.local ? step.local.expect : step.expect
      const label = `${fidelityCase.name}, step ${position + 1} (${step.op})`
      const answer = await send(client, step, names)
      assertAnswer(label, step, substitute(expected, names) as Expected, answer, names)
    }
  } finally {
    for (const TableName of names.values()) {
      await client.send(new DeleteTableCommand({ TableName })).catch(() => {})
    }
  }
}

type Answer =
  | { error: string; message: string; Item?: unknown }
  | { output: Record<string, unknown> }

async function send(
  client: DynamoDBClient,
  step: Step,
  names: ReadonlyMap<string, string>,
): Promise<Answer> {
  const Command = commands[step.op]
  try {
    const { $metadata: _, ...output } = await client.send(
      new Command(substitute(step.input, names)),
    )
    return { output }
  } catch (error) {
    const failure = error as {
      name?: string
      message?: string
      Item?: unknown
      $metadata?: unknown
    }
    if (!failure.$metadata) throw error
    return {
      error: String(failure.name),
      message: String(failure.message),
      ...(failure.Item ? { Item: failure.Item } : {}),
    }
  }
}

function assertAnswer(
  label: string,
  step: Step,
  expected: Expected,
  answer: Answer,
  names: ReadonlyMap<string, string>,
): void {
  if ('error' in expected) {
    expect(answer, label).toEqual(expected)
    return
  }
  expect(answer, `${label} answered ${JSON.stringify(answer).slice(0, 500)}`).toHaveProperty(
    'output',
  )
  const output = (answer as { output: Record<string, unknown> }).output
  if (step.view) {
    expect(
      step.view(output, (alias) => names.get(alias) ?? alias),
      label,
    ).toEqual(expected.ok)
    return
  }
  for (const [field, value] of Object.entries(expected.ok)) {
    if (value === absent) {
      expect(output, `${label}: ${field}`).not.toHaveProperty(field)
    } else if (field === 'Items' && !step.ordered) {
      expect(sortedItems(output[field]), `${label}: ${field}`).toEqual(sortedItems(value))
    } else {
      expect(output[field], `${label}: ${field}`).toEqual(value)
    }
  }
}

function sortedItems(items: unknown): unknown {
  if (!Array.isArray(items)) return items
  return [...items].sort((a, b) => canonical(a).localeCompare(canonical(b)))
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, held) =>
    held && typeof held === 'object' && !Array.isArray(held) && !(held instanceof Uint8Array)
      ? Object.fromEntries(Object.entries(held).sort(([x], [y]) => x.localeCompare(y)))
      : held instanceof Uint8Array
        ? Buffer.from(held).toString('hex')
        : held,
  )
}

/** The value with every `$T`-style alias (as a whole string or an object key) made a table name. */
export function substitute(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return names.get(value) ?? value
  if (Array.isArray(value)) return value.map((element) => substitute(element, names))
  if (value instanceof Uint8Array || value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, held]) => [names.get(key) ?? key, substitute(held, names)]),
  )
}

async function waitUntilActive(client: DynamoDBClient, TableName: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName }))
    if (Table?.TableStatus === 'ACTIVE') return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`table ${TableName} did not become ACTIVE`)
}
