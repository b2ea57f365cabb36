import { expect, test } from 'vitest'
import { freshTableNames } from '../../src/table-names.js'

test('each logical table gets a fresh real name, replaced both ways', () => {
  const first = freshTableNames(['T', 'U'])
  const second = freshTableNames(['T'])
  const t = first.real.get('T') as string
  expect(t).toMatch(/^df[0-9a-f]{10}-T$/)
  expect(second.real.get('T')).not.toBe(t)
  const arns = new Map([['U', 'arn:aws:dynamodb:r:1:table/x']])
  expect(first.toReal('{"TableName":"$T","A":"$arn:U","B":"$Tx","C":"$V"}', arns)).toBe(
    `{"TableName":"${t}","A":"arn:aws:dynamodb:r:1:table/x","B":"$Tx","C":"$V"}`,
  )
  expect(first.toLogical(`{"TableNames":["${t}","other"]}`)).toBe('{"TableNames":["$T","other"]}')
})
