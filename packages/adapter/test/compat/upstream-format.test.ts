// Pure logic: the two helpers @auth/dynamodb-adapter exports, against the package from npm.
import { format as theirFormat, generateUpdateExpression as theirs } from '@auth/dynamodb-adapter'
import { describe, expect, it } from 'vitest'
import { format, generateUpdateExpression } from '../../src/index.js'

const expires = new Date('2030-01-02T03:04:05.678Z')
const emailVerified = new Date('2024-05-06T07:08:09.123Z')

describe('format, as @auth/dynamodb-adapter exports it', () => {
  it.each([
    ['a session', { sessionToken: 't', userId: 'u', expires }],
    ['a user', { id: 'u', email: 'a@b.c', emailVerified, name: null, image: undefined }],
    ['a token', { identifier: 'a@b.c', token: 't', expires }],
    ['an empty object', {}],
  ])('to(%s) gives the same item', (_, object) => {
    expect(format.to(object)).toEqual(theirFormat.to(object))
  })

  it.each([
    [
      'a user item',
      {
        pk: 'USER#u',
        sk: 'USER#u',
        GSI1PK: 'USER#a',
        GSI1SK: 'USER#a',
        type: 'USER',
        id: 'u',
        emailVerified: emailVerified.toISOString(),
      },
    ],
    [
      'a session item',
      {
        pk: 'USER#u',
        sk: 'SESSION#t',
        type: 'SESSION',
        sessionToken: 't',
        expires: expires.getTime() / 1000,
      },
    ],
    [
      'an account item',
      { pk: 'USER#u', sk: 'ACCOUNT#g#1', type: 'oauth', provider: 'g', expires_at: 1_900_000_000 },
    ],
  ])('from(%s) gives the same object', (_, item) => {
    expect(format.from(item)).toEqual(theirFormat.from(item))
  })

  it('from(undefined) is null, as upstream', () => {
    expect(format.from(undefined)).toBeNull()
    expect(theirFormat.from(undefined)).toBeNull()
  })
})

describe('generateUpdateExpression, as @auth/dynamodb-adapter exports it', () => {
  it('gives the same expression, names and values for plain field names', () => {
    const fields = { name: 'Ada', emailVerified, expires }
    expect(generateUpdateExpression(fields)).toEqual(theirs(fields))
  })

  it('leaves out undefined fields and numbers placeholders that a name cannot be, where upstream breaks', () => {
    const result = generateUpdateExpression({ 'first-name': 'Ada', image: undefined, field0: 1 })

    expect(result).toEqual({
      UpdateExpression: 'set #field1 = :field1, #field0 = :field0',
      ExpressionAttributeNames: { '#field1': 'first-name', '#field0': 'field0' },
      ExpressionAttributeValues: { ':field1': 'Ada', ':field0': 1 },
    })
    // Upstream puts both into the expression: "#first-name" is no valid placeholder, and the
    // undefined value leaves ":image" without a value, so DynamoDB would reject the update.
    expect(theirs({ 'first-name': 'Ada', image: undefined }).UpdateExpression).toBe(
      'set #first-name = :first-name, #image = :image',
    )
  })
})
