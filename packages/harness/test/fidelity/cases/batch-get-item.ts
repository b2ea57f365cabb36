import type { FidelityCase, Item } from '../support/fidelity-case.js'
import { ok, table } from '../support/fidelity-case.js'

// 45 items of 390 KB: 17.1 MB in all, over BatchGetItem's 16 MB.
const keys = Array.from({ length: 45 }, (_, i) => ({ pk: { S: `k${String(i).padStart(3, '0')}` } }))
const large: Item[] = keys.map((key) => ({ ...key, v: { S: 'x'.repeat(390 * 1024) } }))

/** BatchGetItem answers up to 16 MB per call, and the keys past that as UnprocessedKeys. */
export const batchGetItemCases: FidelityCase[] = [
  {
    name: 'BatchGetItem returns 16 MB at once and the rest as UnprocessedKeys',
    timeoutMs: 180_000,
    tables: { $T: table({ items: large }) },
    steps: [
      {
        op: 'BatchGetItem',
        input: {
          RequestItems: { $T: { Keys: keys, ConsistentRead: true, ProjectionExpression: 'pk, v' } },
          ReturnConsumedCapacity: 'TOTAL',
        },
        view: (output, name) => {
          const responses = (output.Responses as Record<string, Item[]>)[name('$T')] ?? []
          const unprocessed = (output.UnprocessedKeys as Record<string, { Keys: Item[] }>)[
            name('$T')
          ]
          const returned = new Set(responses.map((item) => item.pk?.S))
          return {
            returned: responses.length,
            unprocessed: unprocessed?.Keys.length,
            everyKeyOnce: keys.every(
              (key) =>
                returned.has(key.pk.S) !==
                (unprocessed?.Keys ?? []).some((k) => k.pk?.S === key.pk.S),
            ),
            retryParameters: { ...unprocessed, Keys: undefined },
            ConsumedCapacity: output.ConsumedCapacity,
          }
        },
        expect: ok({
          returned: 42,
          unprocessed: 3,
          everyKeyOnce: true,
          retryParameters: { Keys: undefined, ConsistentRead: true, ProjectionExpression: 'pk, v' },
          ConsumedCapacity: [{ TableName: '$T', CapacityUnits: 4116 }],
        }),
      },
      {
        op: 'BatchGetItem',
        input: { RequestItems: { $T: { Keys: keys.slice(0, 8) } } },
        view: (output, name) => ({
          returned: (output.Responses as Record<string, Item[]>)[name('$T')]?.length,
          UnprocessedKeys: output.UnprocessedKeys,
        }),
        expect: ok({ returned: 8, UnprocessedKeys: {} }),
      },
    ],
  },
]
