import type { AttributeValue } from './attribute-value.js'
import { typeOf } from './attribute-value.js'
import { Big } from './dynalite-big.js'

/**
 * Orders two scalars as DynamoDB does in key conditions, comparisons and `BETWEEN`: Strings by
 * their UTF-8 bytes, Numbers by value, Binary by unsigned bytes. Returns a negative number,
 * zero or a positive number, or undefined when the two are not both S, both N or both B (such
 * values are not ordered: every `<`, `>` or `BETWEEN` between them is false).
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes.String
 */
export function compareScalars(
  a: AttributeValue | undefined,
  b: AttributeValue | undefined,
): number | undefined {
  const type = typeOf(a)
  if (type === undefined || type !== typeOf(b)) return undefined
  const left = (a as AttributeValue)[type]
  const right = (b as AttributeValue)[type]
  switch (type) {
    case 'S':
      return typeof left === 'string' && typeof right === 'string'
        ? compareUtf8(left, right)
        : undefined
    case 'N':
      return typeof left === 'string' && typeof right === 'string'
        ? compareNumbers(left, right)
        : undefined
    case 'B':
      return typeof left === 'string' && typeof right === 'string'
        ? Buffer.compare(Buffer.from(left, 'base64'), Buffer.from(right, 'base64'))
        : undefined
    default:
      return undefined
  }
}

function compareNumbers(left: string, right: string): number | undefined {
  try {
    return new Big(left).cmp(right)
  } catch {
    // Not a number: stored values are validated, so only a malformed request value gets here.
    return undefined
  }
}

/**
 * Compares two strings by their UTF-8 encodings, without encoding them: UTF-8 preserves code
 * point order, so comparing code points is the same. (JavaScript's `<` compares UTF-16 code
 * units, which puts U+E000..U+FFFF after every character beyond U+FFFF; UTF-8 puts them before.)
 * A lone surrogate counts as U+FFFD, the character `Buffer.from(s, 'utf8')` stores for it.
 */
export function compareUtf8(a: string, b: string): number {
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const x = codePointAt(a, i)
    const y = codePointAt(b, j)
    if (x !== y) return x - y
    i += x > 0xffff ? 2 : 1
    j += y > 0xffff ? 2 : 1
  }
  return a.length - i - (b.length - j)
}

function codePointAt(text: string, index: number): number {
  const point = text.codePointAt(index) as number
  return point >= 0xd800 && point <= 0xdfff ? 0xfffd : point
}
