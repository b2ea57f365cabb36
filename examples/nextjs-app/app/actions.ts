'use server'

import { redirect } from 'next/navigation'
import { AuthError } from 'next-auth'
import { signIn, signOut } from '@/auth'

/** Asks Auth.js to email a magic link; Auth.js then redirects to its "check your email" page. */
export async function signInWithEmail(formData: FormData): Promise<void> {
  try {
    await signIn('email', formData)
  } catch (error) {
    // In a server action, Auth.js throws what its own routes turn into a redirect to its error
    // page: here, the server could not do its part (the DynamoDB table is missing, the endpoint
    // is down...). Auth.js has logged the cause on the server; show the user its error page.
    if (error instanceof AuthError) redirect('/api/auth/error?error=Configuration')
    throw error // Next.js's own redirect to the "check your email" page
  }
}

/** Deletes the session (the item in the table and the cookie), then goes home. */
export async function signOutEverywhere(): Promise<void> {
  await signOut({ redirectTo: '/' })
}
