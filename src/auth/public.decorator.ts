import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'entropy:public';

/** Marks a route that needs no caller (sign-in flow, Facebook platform callbacks, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
