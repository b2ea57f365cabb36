import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocument,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import type { DocumentPort } from './document-port.js'
import { paginateManually } from './paginate-manually.js'

/** What the v3 port needs: anything with the document client's `send`. */
export type SdkV3Client = Pick<DynamoDBDocumentClient, 'send'> | DynamoDBDocument

/** A {@link DocumentPort} over an AWS SDK v3 `DynamoDBDocument` or `DynamoDBDocumentClient`. */
export function sdkV3Port(client: SdkV3Client): DocumentPort {
  // `send` is typed per command on the real class; the port's own signatures carry the types.
  const send = (command: unknown) => (client as { send(c: unknown): Promise<never> }).send(command)
  const port: DocumentPort = {
    kind: 'aws-sdk-v3',
    get: (input) => send(new GetCommand(input)),
    put: (input) => send(new PutCommand(input)),
    update: (input) => send(new UpdateCommand(input)),
    delete: (input) => send(new DeleteCommand(input)),
    query: (input) => send(new QueryCommand(input)),
    transactWrite: (input) => send(new TransactWriteCommand(input)),
    batchWrite: (input) => send(new BatchWriteCommand(input)),
    queryPages: (input) =>
      // paginateQuery checks `instanceof DynamoDBDocumentClient`; a client from another copy of
      // the package fails that check but still accepts our commands.
      client instanceof DynamoDBDocumentClient
        ? paginateQuery({ client }, { ...input })
        : paginateManually(port.query, input),
  }
  return port
}
