import { type AdminCommand, CommandFailed, UsageError } from '../admin-context';
import { userByEmail } from './users';

export const tokensIssue: AdminCommand = {
  name: 'tokens issue',
  summary: 'issue another API token for a user (shown once)',
  usage: 'tokens issue <email> [--label "<what it is for>"]',
  options: { label: { type: 'string' } },
  positionals: 1,
  async run({ store, io }, { values, positionals }) {
    if (!positionals[0]) throw new UsageError('Give the user\'s email.');
    const user = await userByEmail(store, positionals[0]);
    if (user.disabledAt) throw new CommandFailed(`${user.name} is disabled: enable them first (users enable ${user.email}).`);
    const { token, info } = await store.users.issueToken(user.id, typeof values.label === 'string' ? values.label.slice(0, 100) : '');
    io.out(`Token ${info.id} issued to ${user.name}.`);
    io.out(`API token (shown once): ${token}`);
  },
};

export const tokensList: AdminCommand = {
  name: 'tokens list',
  summary: 'list a user\'s tokens (ids and labels, never the tokens)',
  usage: 'tokens list <email>',
  options: {},
  positionals: 1,
  async run({ store, io }, { positionals }) {
    if (!positionals[0]) throw new UsageError('Give the user\'s email.');
    const user = await userByEmail(store, positionals[0]);
    const tokens = await store.users.tokens(user.id);
    if (!tokens.length) io.out(`${user.name} has no tokens.`);
    for (const t of tokens) io.out(`${t.id}  ${t.revokedAt ? `revoked ${t.revokedAt.slice(0, 10)}` : 'active    '}  issued ${t.createdAt.slice(0, 10)}  ${t.label}`);
  },
};

export const tokensRevoke: AdminCommand = {
  name: 'tokens revoke',
  summary: 'revoke one token: it stops working at once',
  usage: 'tokens revoke <token id>   (ids from: tokens list <email>)',
  options: {},
  positionals: 1,
  async run({ store, io }, { positionals }) {
    const id = positionals[0];
    if (!id) throw new UsageError('Give the token\'s id (tokens list <email> shows them).');
    if (!await store.users.revokeToken(id)) throw new CommandFailed(`No active token with the id ${id}.`);
    io.out(`Token ${id} revoked.`);
  },
};
