import { handlers } from '@/lib/auth';

// Auth.js endpoints: /api/auth/session (read by the header's account menu), the OAuth redirects and
// callbacks, and /api/auth/csrf. Password sign-in goes through the sign-in server action instead.
export const { GET, POST } = handlers;
