/**
 * `reopen tokens create --org <name> [--role attorney|intern]`: an API token for an organization
 * (created if it is new), in the data folder the server uses (REOPEN_DATA_DIR). The token is the
 * last word printed; only its hash is kept, so it cannot be shown again.
 */
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../index.js';
import { EXIT, UsageError, type CliIo } from './io.js';

export async function runTokens(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { org: { type: 'string' }, role: { type: 'string' } } });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const [sub, ...extra] = parsed.positionals;
  if (sub !== 'create' || extra.length > 0) throw new UsageError('the tokens command is: reopen tokens create --org <name> [--role attorney|intern].');
  const org = parsed.values.org?.trim();
  if (!org || org.length > 200 || /[\u0000-\u001f\u007f]/.test(org)) throw new UsageError('name the organization with --org "<name>" (up to 200 characters).');
  const role = (parsed.values.role ?? 'attorney') as Role;
  if (!ROLES.includes(role)) throw new UsageError(`--role is attorney or intern, not "${parsed.values.role}".`);
  const { openDataStore, dataDirOf } = await import('../../server/main.js');
  const { KeyError } = await import('../index.js');
  let opened;
  try {
    opened = openDataStore(dataDirOf(process.env), process.env);
  } catch (err) {
    if (err instanceof KeyError) {
      io.err(`reopen tokens: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  const { store } = opened;
  try {
    const o = await store.ensureOrganization(org);
    const t = await store.createToken(o.id, role);
    io.err(`${o.created ? 'Created the organization' : 'Organization'} "${o.name}" in the data folder ${dataDirOf(process.env)}. New ${role} token for the server using that folder (keep it secret; it is not shown again):\n`);
    io.out(`${t.token}\n`);
  } finally {
    await store.close();
  }
  return EXIT.ok;
}
