import type http from 'node:http';

/**
 * For hooks on `res.writeHead`: moves the headers handed to writeHead itself (object or flat
 * array) onto `res`, so the hook sees every header, and returns the status message, if any.
 */
export function takeWriteHeadHeaders(res: http.ServerResponse, rest: unknown[]): string | undefined {
  const headers = rest.find((r) => typeof r === 'object' && r !== null);
  if (Array.isArray(headers)) {
    const pairs: unknown[] = headers.flat();
    for (let i = 0; i < pairs.length; i += 2) res.appendHeader(String(pairs[i]), String(pairs[i + 1]));
  } else if (headers) {
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value as string | string[]);
  }
  return rest.find((r): r is string => typeof r === 'string');
}
