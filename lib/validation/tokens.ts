import { z } from 'zod';
import { id, requiredText } from './fields';

export const TokenSchema = z.object({ name: requiredText('Name', 100) });
export const RevokeTokenSchema = z.object({ tokenId: id('Token') });
