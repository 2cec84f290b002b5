import { CredentialsSignin } from 'next-auth';

/**
 * Why a password sign-in failed, thrown from `authorize` and caught by the sign-in action.
 * `code` is what Auth.js would put in a URL: it never says whether the account exists.
 */
export class InvalidCredentials extends CredentialsSignin {
  code = 'invalid';
}

export class RateLimited extends CredentialsSignin {
  code = 'rate_limited';
  constructor(
    readonly reason: 'account' | 'ip',
    readonly retryAt: number,
  ) {
    super();
  }
}

/** Only thrown after the right password: telling the owner is fine, telling a guesser is not possible. */
export class AccountDisabled extends CredentialsSignin {
  code = 'disabled';
}

/** Failed password sign-ins are routine: Auth.js would log each one as an error with a stack. */
export function isExpectedSignInError(error: unknown): boolean {
  return error instanceof CredentialsSignin || (error as { type?: string } | null)?.type === 'CredentialsSignin';
}
