import { absent, type FidelityCase, ok, table } from '../support/fidelity-case.js'

const key = { pk: { S: 'a' } }
const update = (
  UpdateExpression: string,
  ReturnValues: string,
  values?: Record<string, unknown>,
) => ({
  TableName: '$T',
  Key: key,
  UpdateExpression,
  ReturnValues,
  ...(values && { ExpressionAttributeValues: values }),
})

/** UPDATED_NEW and UPDATED_OLD with nothing to return leave `Attributes` out. */
export const updatedReturnValuesCases: FidelityCase[] = [
  {
    name: 'UPDATED_NEW after only a REMOVE, and UPDATED_OLD of an attribute that did not exist, return no Attributes',
    tables: { $T: table({ items: [{ ...key, x: { N: '1' } }] }) },
    steps: [
      {
        op: 'UpdateItem',
        input: update('REMOVE x', 'UPDATED_NEW'),
        expect: ok({ Attributes: absent }),
      },
      {
        op: 'UpdateItem',
        input: update('SET y = :v', 'UPDATED_OLD', { ':v': { S: 'new' } }),
        expect: ok({ Attributes: absent }),
      },
      {
        op: 'UpdateItem',
        input: update('SET y = :v', 'UPDATED_NEW', { ':v': { S: 'newer' } }),
        expect: ok({ Attributes: { y: { S: 'newer' } } }),
      },
    ],
  },
]
