import * as sdk from '@aws-sdk/client-dynamodb'

/** A request member's shape, read from the AWS SDK's own model of DynamoDB. */
export type Shape =
  | { kind: 'string' | 'number' | 'boolean' | 'blob' | 'timestamp' | 'document' }
  | { kind: 'list'; name: string; member: () => Shape }
  | { kind: 'map'; name: string; value: () => Shape }
  | { kind: 'structure' | 'union'; name: string; members: readonly Member[] }

export interface Member {
  name: string
  required: boolean
  shape: () => Shape
}

// @smithy/core/schema's encoding of the model: simple types are numbers (a list or map of a
// simple type ORs in a modifier); aggregates are tuples [kind, namespace, name, traits, ...].
const listModifier = 64
const mapModifier = 128
const simpleKinds: Record<number, Shape> = {
  0: { kind: 'string' },
  1: { kind: 'number' },
  2: { kind: 'boolean' },
  4: { kind: 'timestamp' },
  5: { kind: 'timestamp' },
  6: { kind: 'timestamp' },
  7: { kind: 'timestamp' },
  15: { kind: 'document' },
  17: { kind: 'number' },
  19: { kind: 'number' },
  21: { kind: 'blob' },
  42: { kind: 'blob' },
}

type SchemaNode = number | (() => SchemaNode) | readonly unknown[]

/** The input shape of a DynamoDB operation, or undefined when the SDK does not know it. */
export function inputShapeOf(operation: string): Shape | undefined {
  const schema = (sdk as unknown as Record<string, unknown>)[`${operation}$`]
  if (!Array.isArray(schema) || schema[0] !== 9) return undefined
  return shapeOf(schema[4] as SchemaNode)
}

/** Every operation the SDK's model has. */
export function modelOperations(): string[] {
  return Object.entries(sdk as unknown as Record<string, unknown>)
    .filter(([name, schema]) => name.endsWith('$') && Array.isArray(schema) && schema[0] === 9)
    .map(([name]) => name.slice(0, -1))
    .sort()
}

const cache = new Map<unknown, Shape>()

function shapeOf(node: SchemaNode): Shape {
  if (typeof node === 'function') return shapeOf(node())
  if (typeof node === 'number') {
    if (node & mapModifier) {
      const value = simpleOf(node & ~mapModifier)
      return { kind: 'map', name: 'map', value: () => value }
    }
    if (node & listModifier) {
      const member = simpleOf(node & ~listModifier)
      return { kind: 'list', name: 'list', member: () => member }
    }
    return simpleOf(node)
  }
  const cached = cache.get(node)
  if (cached) return cached
  const [kind, , name] = node as [number, string, string]
  let shape: Shape
  if (kind === 1) {
    shape = { kind: 'list', name, member: () => shapeOf(node[4] as SchemaNode) }
  } else if (kind === 2) {
    shape = { kind: 'map', name, value: () => shapeOf(node[5] as SchemaNode) }
  } else if (kind === 3 || kind === 4) {
    const names = node[4] as string[]
    const schemas = node[5] as SchemaNode[]
    const required = typeof node[6] === 'number' ? node[6] : 0
    shape = {
      kind: kind === 3 ? 'structure' : 'union',
      name,
      members: names.map((member, index) => ({
        name: member,
        required: index < required,
        shape: () => shapeOf(memberSchema(schemas[index] as SchemaNode)),
      })),
    }
  } else {
    throw new Error(`unexpected schema kind ${kind} for ${name}`)
  }
  cache.set(node, shape)
  return shape
}

// A member with traits of its own is [schema, traits], the traits an object or a bit field (a
// ClientRequestToken is [0, 4]: a string with the idempotency-token trait); aggregates are longer.
function memberSchema(node: SchemaNode): SchemaNode {
  if (Array.isArray(node) && node.length === 2) {
    return node[0] as SchemaNode
  }
  return node
}

function simpleOf(code: number): Shape {
  const shape = simpleKinds[code]
  if (!shape) throw new Error(`unexpected simple schema ${code}`)
  return shape
}
