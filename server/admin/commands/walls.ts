import { type AdminCommand, CommandFailed, requireString } from '../admin-context';
import { userByEmail } from './users';

function wallCommand(kind: 'add' | 'remove'): AdminCommand {
  return {
    name: `walls ${kind}`,
    summary: kind === 'add' ? 'raise an ethical wall: the user no longer sees the client (their cache is purged)' : 'lift an ethical wall',
    usage: `walls ${kind} --user <email> --client <client id>`,
    options: { user: { type: 'string' }, client: { type: 'string' } },
    async run({ store, io }, { values }) {
      const user = await userByEmail(store, requireString(values, 'user'));
      const clientId = requireString(values, 'client');
      const client = await store.getClient(clientId);
      if (!client) throw new CommandFailed(`No client with the id ${clientId}.`);
      const changed = kind === 'add' ? await store.raiseWall(user.id, clientId) : await store.liftWall(user.id, clientId);
      io.out(changed
        ? `${kind === 'add' ? 'Wall raised' : 'Wall lifted'}: ${user.name} and ${client.name}.`
        : `Nothing to do: ${user.name} ${kind === 'add' ? 'was already walled from' : 'was not walled from'} ${client.name}.`);
    },
  };
}

export const wallsAdd = wallCommand('add');
export const wallsRemove = wallCommand('remove');
