import { z } from 'zod';
import { UserRole } from '../../../lib/contract';
import type { StoredUser } from '../../store/firm-store';
import { type AdminCommand, CommandFailed, requireString, UsageError } from '../admin-context';

const Email = z.email();

/** The user with this email, or a clear failure. */
export async function userByEmail(store: import('../../store/firm-store').FirmStore, email: string) {
  const user = await store.users.byEmail(email);
  if (!user) throw new CommandFailed(`No user with the email ${email}. See: npm run admin -- users list`);
  return user;
}

export const usersAdd: AdminCommand = {
  name: 'users add',
  summary: 'add a user and print their first API token (shown once)',
  usage: 'users add --name "<full name>" --email <email> --role lawyer|bd|risk [--title "<job title>"]',
  options: { name: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' }, title: { type: 'string' } },
  async run({ store, io }, { values }) {
    const name = requireString(values, 'name');
    const email = requireString(values, 'email');
    const role = UserRole.safeParse(requireString(values, 'role'));
    if (!Email.safeParse(email).success) throw new UsageError(`--email must be an email address, not ${JSON.stringify(email)}.`);
    if (!role.success) throw new UsageError(`--role must be one of ${UserRole.options.join(', ')}.`);
    if (name.length > 200) throw new UsageError('--name may be at most 200 characters.');
    if (await store.users.byEmail(email)) throw new CommandFailed(`A user with the email ${email} exists already.`);
    const { user, token } = await store.users.create({ name, email, role: role.data, title: typeof values.title === 'string' ? values.title : '' });
    io.out(`Added ${user.name} <${user.email}> (${user.role}), id ${user.id}.`);
    io.out(`API token (shown once; give it to the user over a trusted channel): ${token}`);
  },
};

export const usersList: AdminCommand = {
  name: 'users list',
  summary: 'list users, their role, and whether they are disabled',
  usage: 'users list',
  options: {},
  async run({ store, io }) {
    const users = await store.users.list();
    if (!users.length) {
      io.out('No users yet. Add one: npm run admin -- users add --name "…" --email … --role lawyer|bd|risk');
      return;
    }
    for (const u of users) {
      io.out(`${u.email.padEnd(36)} ${u.role.padEnd(6)} ${u.disabledAt ? `disabled ${u.disabledAt.slice(0, 10)}` : `${u.activeTokens} token(s)`.padEnd(18)} ${u.name} (${u.id})`);
    }
  },
};

function toggle(name: 'disable' | 'enable'): AdminCommand {
  return {
    name: `users ${name}`,
    summary: name === 'disable' ? 'disable a user: their tokens stop working at once' : 'enable a disabled user again',
    usage: `users ${name} <email>`,
    options: {},
    positionals: 1,
    async run({ store, io }, { positionals }) {
      const email = positionals[0];
      if (!email) throw new UsageError('Give the user\'s email.');
      const user: StoredUser = await userByEmail(store, email);
      const changed = name === 'disable' ? await store.users.disable(user.id) : await store.users.enable(user.id);
      io.out(changed ? `${user.name} is ${name}d.` : `${user.name} was already ${name}d.`);
    },
  };
}

export const usersDisable = toggle('disable');
export const usersEnable = toggle('enable');
