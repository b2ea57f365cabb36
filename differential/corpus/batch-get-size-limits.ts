import type { CorpusArea } from '../src/diff-case.js'
import { hashTable } from './tables.js'

const item = (pk: string, extra: Record<string, unknown> = {}) => ({ pk: { S: pk }, ...extra })
// 8 items of 390 KB: 3.1 MB in all, more than the 1 MB a Query returns but less than the
// 16 MB a BatchGetItem may.
const heavy = Array.from({ length: 8 }, (_, i) =>
  item(`h${i}`, { pad: { S: 'x'.repeat(390_000) } }),
)
// 44 items of 390 KB: 17.2 MB, more than one BatchGetItem returns.
const heavier = Array.from({ length: 44 }, (_, i) =>
  item(`h${i}`, { pad: { S: 'y'.repeat(390_000) } }),
)

export const batchGetSizeLimits: CorpusArea = {
  area: 'batch-get-size-limits',
  scope: 'item-api',
  sequential:
    'each case moves up to 17 MB through both backends; run alone, it neither starves the other cases nor times out on a busy machine',
  cases: [
    {
      id: 'get-several-megabytes-in-one-call',
      title: 'BatchGetItem returns 3.1 MB of items in one call (its limit is 16 MB)',
      tables: { T: hashTable() },
      items: { T: heavy },
      steps: [
        {
          op: 'BatchGetItem',
          body: { RequestItems: { $T: { Keys: heavy.map((i) => ({ pk: i.pk })) } } },
          compare: { untilProcessed: true },
        },
      ],
    },
    {
      id: 'get-over-16-megabytes',
      title: 'BatchGetItem of 17.2 MB returns up to 16 MB and the rest as UnprocessedKeys',
      tables: { T: hashTable() },
      items: { T: heavier },
      steps: [
        {
          op: 'BatchGetItem',
          body: { RequestItems: { $T: { Keys: heavier.map((i) => ({ pk: i.pk })) } } },
          compare: { untilProcessed: true },
        },
      ],
    },
  ],
}
