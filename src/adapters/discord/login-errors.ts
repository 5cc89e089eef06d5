/**
 * Turns discord.js login failures into messages that name the fix: they are what an operator sees when
 * the bot will not start, usually because of a Developer Portal setting.
 */
const FIXES: { match: RegExp; fix: string }[] = [
  {
    match: /disallowed intents/i,
    fix: 'Discord refused the privileged Message Content intent — enable it in the Developer Portal → your app → Bot → Privileged Gateway Intents → Message Content Intent, then restart',
  },
  {
    match: /authentication failed|invalid token|TokenInvalid|401/i,
    fix: 'Discord refused DISCORD_TOKEN — copy a fresh token from the Developer Portal → your app → Bot → Reset Token',
  },
  { match: /sharding required/i, fix: 'Discord requires sharding for this many servers — set DISCORD_SHARDS=auto' },
  { match: /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|fetch failed/i, fix: 'could not reach Discord — check the network and DISCORD_API_URL' },
];

/** Wraps a login error with the fix, keeping the original as `cause`. */
export function explainLoginError(error: unknown): Error {
  const text = error instanceof Error ? `${error.message} ${(error as { code?: unknown }).code ?? ''}` : String(error);
  const known = FIXES.find((f) => f.match.test(text));
  const message = known ? `${known.fix} (Discord said: ${error instanceof Error ? error.message : text})` : `Discord login failed: ${text.trim()}`;
  return new Error(message, { cause: error });
}
