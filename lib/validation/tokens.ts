import { z } from 'zod';
import { DEFAULT_TOKEN_LIFETIME_DAYS, TOKEN_LIFETIME_DAYS, TOKEN_SCOPES } from '@/lib/domain';
import { id, requiredText } from './fields';

const LIFETIMES = TOKEN_LIFETIME_DAYS.map(String) as [string, ...string[]];

export const TokenSchema = z.object({
  name: requiredText('Name', 100),
  // Read-only unless asked: the only kind a feed link takes, and enough for most scripts.
  scope: z.enum(TOKEN_SCOPES, { error: 'Choose read-only or full access.' }).default('read'),
  days: z
    .enum(LIFETIMES, { error: `Choose how long it lasts: ${TOKEN_LIFETIME_DAYS.join(', ')} days.` })
    .default(String(DEFAULT_TOKEN_LIFETIME_DAYS))
    .transform(Number),
});
export type TokenInput = z.infer<typeof TokenSchema>;

export const RevokeTokenSchema = z.object({ tokenId: id('Token') });
