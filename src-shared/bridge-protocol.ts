// How a page proves to the `serve` bridge that it was opened from the address `serve` printed.

/** The WebSocket subprotocol of the contract over `serve`. */
export const BRIDGE_PROTOCOL = 'hgs.v1';

/** A second subprotocol carries the per-launch token: `hgs-token.<token>` (browsers cannot set other headers). */
export const BRIDGE_TOKEN_PREFIX = 'hgs-token.';

/** The subprotocols a page offers when it has the token. */
export const bridgeSubprotocols = (token: string): string[] => [BRIDGE_PROTOCOL, `${BRIDGE_TOKEN_PREFIX}${token}`];

/** The token in a page address's fragment (`#token=...`), if any. */
export function tokenInFragment(hash: string): string | undefined {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]{16,128})(?:&|$)/.exec(hash);
  return match?.[1];
}
