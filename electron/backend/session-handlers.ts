import { setSetting } from '../../db/settings.ts';
import { listUsers, upsertUser } from '../../db/users.ts';
import type { HandlerMap } from './handler.ts';
import { CURRENT_USER_KEY, currentUser } from './context.ts';

export const sessionHandlers = {
  'app.info': (ctx) => ctx.info,
  'session.currentUser': (ctx) => currentUser(ctx),
  'session.knownUsers': (ctx) => listUsers(ctx.db),
  'session.signIn': (ctx, input) =>
    ctx.db.transaction(() => {
      const user = upsertUser(ctx.db, input.name, input.discipline, ctx.now());
      setSetting(ctx.db, CURRENT_USER_KEY, String(user.id));
      return user;
    })(),
  'session.signOut': (ctx) => {
    setSetting(ctx.db, CURRENT_USER_KEY, null);
    return null;
  },
} satisfies Partial<HandlerMap>;
