import { parseArgs } from 'node:util';
import { LOCAL_ADMIN } from '../../domain/viewer.js';
import type { Partner, Role, Store, TokenRecord } from '../../store/store.js';
import { UsageError, type Command, type CommandIO } from '../command.js';
import { withStore } from '../store-option.js';
import { formatTable } from '../table.js';

const ROLE_NAMES: readonly Role[] = ['reader', 'analyst', 'admin'];

export const partnerCommand: Command = {
  name: 'partner',
  usage: [
    'parallax partner add NAME --clearance LEVEL [--community C]... [--role R] [--db FILE]',
    '       parallax partner list [--db FILE] [--json]',
    '       parallax partner token NAME [--role R] [--label TEXT] [--db FILE]',
    '       parallax partner tokens [NAME] [--db FILE] [--json]   (ids, roles, labels; never the tokens)',
    '       parallax partner revoke TOKEN_ID [--db FILE]   (the id printed with the token, or listed by tokens)',
    '  R: reader (default), analyst (may submit reports, grade, merge) or admin (partners, tokens).',
    '  LEVEL: one of $PARALLAX_CLASSIFICATIONS (default UNCLASSIFIED,RESTRICTED,CONFIDENTIAL,SECRET).',
    '  A token is printed once; only its SHA-256 is stored.',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        clearance: { type: 'string' },
        community: { type: 'string', multiple: true },
        role: { type: 'string' },
        label: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    const [action, ...args] = positionals;
    const { classificationOrder, NAME } = await import('../../share/classifications.js');
    const role = parseRole(values.role);
    switch (action) {
      case 'add': {
        const name = oneName(args, 'add');
        if (values.clearance === undefined) throw new UsageError('add wants --clearance LEVEL');
        const order = classificationOrder();
        if (!order.includes(values.clearance)) throw new UsageError(`--clearance ${values.clearance} is not one of ${order.join(', ')}`);
        const communities = values.community ?? [];
        for (const c of communities) if (!NAME.test(c) || c === 'ALL') throw new UsageError(`--community "${c}" is not a community name (letters, digits, . _ -; not ALL)`);
        return withStore(values.db, async (store) => {
          const partner = await store.addPartner(LOCAL_ADMIN, { id: name, clearance: values.clearance!, communities });
          const issued = await issue(store, name, role, values.label ?? 'first token');
          await store.appendAudit({ partnerId: LOCAL_ADMIN.partnerId, role: 'admin', action: 'partner add', status: 0, ids: [`p:${name}`, `t${issued.id}`], detail: null });
          io.stdout.write(`partner ${partner.id} added: clearance ${partner.clearance}, communities ${partner.communities.join(', ') || 'none'}\n`);
          printToken(io, issued);
          return 0;
        });
      }
      case 'token': {
        const name = oneName(args, 'token');
        return withStore(values.db, async (store) => {
          const issued = await issue(store, name, role, values.label ?? null);
          await store.appendAudit({ partnerId: LOCAL_ADMIN.partnerId, role: 'admin', action: 'partner token', status: 0, ids: [`p:${name}`, `t${issued.id}`], detail: null });
          printToken(io, issued);
          return 0;
        });
      }
      case 'revoke': {
        if (args.length !== 1 || !/^\d+$/.test(args[0]!)) throw new UsageError('revoke wants one TOKEN_ID (printed with the token)');
        const id = Number(args[0]);
        return withStore(values.db, async (store) => {
          const done = await store.revokeToken(LOCAL_ADMIN, id);
          await store.appendAudit({ partnerId: LOCAL_ADMIN.partnerId, role: 'admin', action: 'partner revoke', status: done ? 0 : 1, ids: [`t${id}`], detail: null });
          if (!done) {
            io.stderr.write(`parallax partner: no live token ${id}\n`);
            return 1;
          }
          io.stdout.write(`token ${id} revoked\n`);
          return 0;
        });
      }
      case 'tokens': {
        if (args.length > 1) throw new UsageError('tokens wants at most one partner NAME');
        return withStore(values.db, async (store) => {
          const tokens = await store.listTokens(LOCAL_ADMIN, args.length === 1 ? { partnerId: args[0]! } : {});
          if (values.json) io.stdout.write(JSON.stringify(tokens, null, 2) + '\n');
          else {
            io.stdout.write(
              formatTable<TokenRecord>(
                [
                  { header: 'id', value: (t) => String(t.id), align: 'right' },
                  { header: 'partner', value: (t) => t.partnerId },
                  { header: 'role', value: (t) => t.role },
                  { header: 'label', value: (t) => t.label ?? '' },
                  { header: 'issued', value: (t) => minute(t.createdAt) },
                  { header: 'revoked', value: (t) => (t.revokedAt === null ? 'live' : minute(t.revokedAt)) },
                ],
                tokens,
              ),
            );
            const live = tokens.filter((t) => t.revokedAt === null).length;
            io.stdout.write(`(${tokens.length} token${tokens.length === 1 ? '' : 's'}, ${live} live)\n`);
          }
          return 0;
        });
      }
      case 'list':
        if (args.length > 0) throw new UsageError(`unexpected ${args.join(' ')}`);
        return withStore(values.db, async (store) => {
          const partners = await store.listPartners(LOCAL_ADMIN);
          if (values.json) io.stdout.write(JSON.stringify(partners, null, 2) + '\n');
          else {
            io.stdout.write(
              formatTable<Partner>(
                [
                  { header: 'partner', value: (p) => p.id },
                  { header: 'clearance', value: (p) => p.clearance },
                  { header: 'communities', value: (p) => p.communities.join(', ') },
                  { header: 'added', value: (p) => minute(p.createdAt) },
                ],
                partners,
              ),
            );
            io.stdout.write(`(${partners.length} partner${partners.length === 1 ? '' : 's'})\n`);
          }
          return 0;
        });
      default:
        throw new UsageError(action === undefined ? 'name an action: add, list, token, tokens or revoke' : `no action "${action}" (add, list, token, tokens, revoke)`);
    }

    function oneName(rest: string[], what: string): string {
      if (rest.length !== 1) throw new UsageError(`${what} wants one partner NAME`);
      const name = rest[0]!;
      if (!NAME.test(name) || name === 'ALL' || name === LOCAL_ADMIN.partnerId) {
        throw new UsageError(`"${name}" cannot name a partner: letters, digits, . _ - (up to 64), and not ALL or ${LOCAL_ADMIN.partnerId}`);
      }
      return name;
    }
  },
};

/** "2026-12-05T14:03:11.512Z" → "2026-12-05 14:03" (UTC), as the tables print times. */
const minute = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

function parseRole(role: string | undefined): Role {
  if (role === undefined) return 'reader';
  if (!(ROLE_NAMES as readonly string[]).includes(role)) throw new UsageError(`--role ${role} is not one of ${ROLE_NAMES.join(', ')}`);
  return role as Role;
}

async function issue(store: Store, partnerId: string, role: Role, label: string | null) {
  const { newToken, hashToken } = await import('../../share/tokens.js');
  const token = newToken();
  const issued = await store.issueToken(LOCAL_ADMIN, { partnerId, role, tokenHash: hashToken(token), label });
  return { ...issued, token };
}

function printToken(io: CommandIO, issued: { id: number; token: string; role: Role; partnerId: string }): void {
  io.stdout.write(`${issued.role} token ${issued.id} for ${issued.partnerId} (shown once; only its hash is stored):\n${issued.token}\n`);
}
