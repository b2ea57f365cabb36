const tableArnPattern = /^arn:[^:]+:dynamodb:[^:]*:[^:]*:table\/([a-zA-Z0-9_.-]{3,255})$/

/** The message DynamoDB Local answers for a malformed ARN where a table name goes. */
export const malformedArnMessage =
  "Valid ARN format is 'arn:<awsPartition>:<vendor>:<region>:<subscriber>:resourceType/resourceName', where Resource name must have length less than or equal to 255, Resource name must have length greater than or equal to 3, Resource name must satisfyregular expression pattern: [a-zA-Z0-9_.-]+"

/**
 * The table name in a table ARN (`arn:aws:dynamodb:us-east-1:123456789012:table/users`), the
 * value unchanged when it is no ARN, or undefined for an ARN that is malformed. Like DynamoDB
 * Local, any region and account are accepted: the emulator has one of each.
 */
export function tableNameOf(value: unknown): unknown {
  if (typeof value !== 'string' || !value.startsWith('arn:')) return value
  return tableArnPattern.exec(value)?.[1]
}
