// Imports by package name, as an adapter author would: this runs the built dist through the
// package's exports map.
import { runAdapterConformance } from '@auth-dynamo/conformance'
import { createMemoryBackend } from '@auth-dynamo/conformance/reference'

runAdapterConformance({ name: 'in-memory reference adapter', ...createMemoryBackend() })
