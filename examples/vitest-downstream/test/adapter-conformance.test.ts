import { DynamoDBAdapter } from '@auth-dynamo/adapter'
import { runAdapterConformance } from '@auth-dynamo/conformance'
import { dynamodbConformanceOptions, emulatorBackend } from '@auth-dynamo/conformance/dynamodb'

// The adapter as this app configures it, through the whole Auth.js conformance suite. The
// emulator backend is an emulator of its own: the suite moves its clock freely without
// touching the clock the other test files share.
runAdapterConformance(
  dynamodbConformanceOptions({
    name: 'our Auth.js adapter',
    backend: emulatorBackend(),
    adapter: (backend) => DynamoDBAdapter(backend.documentClient, backend.table),
    // Like @auth/dynamodb-adapter, the adapter reads every top-level ISO date-time string back as
    // a Date (the item keeps no type), so a custom field holding one comes back as a Date.
    capabilities: { isoDateStringFields: false },
  }),
)
