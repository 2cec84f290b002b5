/**
 * The request header that carries the client's address from the front server
 * (lib/server/front-server.ts) to the app. The front server removes any copy a client sends and
 * sets its own, so code behind it can trust the value.
 */
export const CLIENT_ADDRESS_HEADER = 'x-hallway-client';
