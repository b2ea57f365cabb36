/** Headers of a DynamoDB JSON request that dynalite accepts as signed. */
export function dynamoHeaders(operation: string): Record<string, string> {
  return {
    'content-type': 'application/x-amz-json-1.0',
    'x-amz-target': `DynamoDB_20120810.${operation}`,
    'x-amz-date': '20260101T000000Z',
    authorization:
      'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=abc',
  }
}

/** Sends a raw DynamoDB request and returns the status and parsed JSON error/result. */
export async function rawDynamoRequest(
  endpoint: string,
  headers: Record<string, string>,
  body: string | Buffer,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(endpoint, { method: 'POST', headers, body })
  return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}
