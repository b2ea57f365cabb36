import { describe, expect, test } from 'vitest'
import { attributeValuesEqual } from '../../src/engine/attribute-value-equality.js'
import { compareScalars, compareUtf8 } from '../../src/engine/attribute-value-order.js'
import { type ConditionNode, evaluateCondition } from '../../src/engine/condition-evaluator.js'
import { compareLegacy } from '../../src/engine/legacy-conditions.js'

// Pure logic of the evaluator; the DynamoDB semantics themselves are held to DynamoDB Local's
// answers by the case files next to this one.

const sign = (n: number) => Math.sign(n)

describe('compareUtf8', () => {
  const samples = [
    '',
    'a',
    'ab',
    'é',
    '\u07ff',
    '\u0800',
    '\ud7ff',
    '\ue000',
    '\uff61',
    '\uffff',
    '😀',
    '😀a',
    '\u{10ffff}',
    '\ud800',
    'a\udfff',
    '\ud83d\ude00\ud83d',
  ]
  test('orders every pair exactly as their UTF-8 bytes do (lone surrogates as U+FFFD)', () => {
    for (const a of samples) {
      for (const b of samples) {
        const bytes = Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
        expect(sign(compareUtf8(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(bytes)
      }
    }
  })

  test('orders characters beyond U+FFFF after U+E000..U+FFFF, unlike JavaScript', () => {
    expect('😀' < '\ue000').toBe(true)
    expect(compareUtf8('😀', '\ue000')).toBeGreaterThan(0)
  })
})

describe('compareScalars', () => {
  test('orders Numbers by value, Binary by unsigned bytes, and nothing across types', () => {
    expect(compareScalars({ N: '10' }, { N: '9.99' })).toBeGreaterThan(0)
    expect(compareScalars({ N: '-1E-130' }, { N: '0' })).toBeLessThan(0)
    expect(compareScalars({ B: 'gA==' }, { B: 'fw==' })).toBeGreaterThan(0)
    expect(compareScalars({ S: '1' }, { N: '1' })).toBeUndefined()
    expect(compareScalars({ SS: ['a'] }, { SS: ['a'] })).toBeUndefined()
    expect(compareScalars(undefined, { S: 'a' })).toBeUndefined()
  })
})

describe('attributeValuesEqual', () => {
  test('Numbers by value, sets in any order, Maps by content, Lists in order', () => {
    expect(attributeValuesEqual({ N: '1' }, { N: '1.0' })).toBe(true)
    expect(attributeValuesEqual({ NS: ['1', '2'] }, { NS: ['2.0', '1'] })).toBe(true)
    expect(
      attributeValuesEqual(
        { M: { a: { N: '1' }, b: { S: 'x' } } },
        { M: { b: { S: 'x' }, a: { N: '1.00' } } },
      ),
    ).toBe(true)
    expect(
      attributeValuesEqual({ L: [{ S: 'a' }, { S: 'b' }] }, { L: [{ S: 'b' }, { S: 'a' }] }),
    ).toBe(false)
    expect(
      attributeValuesEqual({ M: { a: { N: '1' } } }, { M: { a: { N: '1' }, b: { N: '1' } } }),
    ).toBe(false)
  })
})

describe('evaluating conditions on items of any shape', () => {
  // Stored items are valid; these are not, and must still never make the evaluator throw.
  const odd: Array<Record<string, unknown>> = [
    {},
    { a: null },
    { a: { N: 5 } },
    { a: { N: 'not a number' } },
    { a: { L: 'x' } },
    { a: { M: null } },
    { a: { M: [1, 2] } },
    { a: { SS: 'x' } },
    { a: { B: 42 } },
    { a: {} },
    { constructor: { S: 'x' } },
    { a: { L: [null, { M: { b: null } }] } },
  ]
  const path = (...pieces: Array<string | number>) => pieces
  const value = { N: '1' }
  const nodes: ConditionNode[] = [
    { type: '=', args: [path('a'), value] },
    { type: '<>', args: [path('a', 'b', 0), value] },
    { type: '<', args: [path('a'), path('constructor')] },
    { type: 'between', args: [path('a'), value, path('a', 3)] },
    { type: 'in', args: [path('a'), path('j'), value] },
    { type: 'function', name: 'contains', args: [path('a'), path('a', 'b')] },
    { type: 'function', name: 'begins_with', args: [path('a'), { S: '' }] },
    { type: 'function', name: 'attribute_type', args: [path('a'), { S: 'N' }] },
    { type: 'function', name: 'attribute_exists', args: [path('a', 1, 'b')] },
    { type: '>', args: [{ type: 'function', name: 'size', args: [path('a')] }, value] },
    {
      type: 'not',
      args: [
        {
          type: 'or',
          args: [
            { type: '=', args: [path('toString'), value] },
            {
              type: 'and',
              args: [
                { type: '=', args: [value, value] },
                { type: 'unknown', args: [] },
              ],
            },
          ],
        },
      ],
    },
  ]
  test('never throws, whatever the item holds', () => {
    for (const item of odd) {
      for (const node of nodes) {
        expect(
          () => evaluateCondition(node, item as never),
          JSON.stringify({ item, node }),
        ).not.toThrow()
      }
      for (const operator of [
        'EQ',
        'NE',
        'LT',
        'BETWEEN',
        'IN',
        'CONTAINS',
        'NOT_CONTAINS',
        'BEGINS_WITH',
        'NULL',
      ]) {
        expect(() => compareLegacy(operator, item.a as never, [value, value])).not.toThrow()
      }
    }
  })

  test("an attribute named like an Object.prototype member is only ever the item's own", () => {
    const node: ConditionNode = {
      type: 'function',
      name: 'attribute_exists',
      args: [path('constructor')],
    }
    expect(evaluateCondition(node, {})).toBe(false)
    expect(evaluateCondition(node, { constructor: { S: 'x' } } as never)).toBe(true)
  })
})
