import type { Hono } from 'hono';
import { PracticeAreaList, User } from '../../lib/contract';
import { honoPath, routes } from '../../lib/contract/api-routes';
import type { AppDeps, AppEnv } from '../env';

/** Who am I, and the reference lists the sidebar needs. */
export function sessionRoutes(app: Hono<AppEnv>, { store }: AppDeps) {
  app.get(honoPath(routes.getMe.path), async (c) => {
    const { id, name, email, role } = c.get('user');
    return c.json(User.parse({ id, name, email, role }));
  });
  app.get(honoPath(routes.listPracticeAreas.path), async (c) => c.json(PracticeAreaList.parse({ practiceAreas: await store.listPracticeAreas() })));
}
