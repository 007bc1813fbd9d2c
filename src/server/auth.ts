/**
 * Who is asking: the curator whose bearer token the request carries, or null. Tokens are
 * compared in constant time so a wrong guess learns nothing from the timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function curatorFor(request: Request, tokens: Map<string, string>): string | null {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return null;
  const offered = digest(match[1]!);
  for (const [token, name] of tokens) {
    if (timingSafeEqual(offered, digest(token))) return name;
  }
  return null;
}
