import { parseArgs } from 'node:util';
import { LOCAL_ADMIN } from '../../domain/viewer.js';
import { NAME } from '../../share/classifications.js';
import { isPublicKey, publicKeyOf } from '../../share/federation.js';
import { signRotation } from '../../share/key-rotation.js';
import { newSigningKey } from '../../store/federation-rows.js';
import type { Peer } from '../../store/store.js';
import { UsageError, type Command } from '../command.js';
import { withStore } from '../store-option.js';
import { formatTable } from '../table.js';

export const peerCommand: Command = {
  name: 'peer',
  usage: [
    'parallax peer add URL --as PARTNER --token TOKEN [--db FILE]',
    '       parallax peer list [--db FILE] [--json]',
    '       parallax peer remove ID|URL [--db FILE]',
    '       parallax peer key [--rotate] [--db FILE] [--json]',
    '       parallax peer trust INSTANCE KEY [--replace] [--db FILE]',
    '  URL: the peer instance, http(s)://host:port. PARTNER: the local partner whose view the peer gets',
    '  (what that partner may see is pushed to it). TOKEN: a token the peer issued to this instance',
    '  (`parallax partner add … --role analyst` there); it is kept in the store to be presented.',
    '  `parallax serve` pushes to every peer, and keeps pushing as reports arrive.',
    '  Reports are signed: `key` prints the public key this instance signs with; `trust` pins another',
    "  instance's key as told by its administrator (otherwise the first key that verifies is pinned).",
    '  `key --rotate` replaces this instance\'s key with a new one and signs the change with the old one:',
    "  peers that pinned the old key follow it with the next push. `trust --replace` pins a key over",
    '  the one pinned (when an instance lost its key, or its old key may be stolen).',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        as: { type: 'string' },
        token: { type: 'string' },
        json: { type: 'boolean', default: false },
        rotate: { type: 'boolean', default: false },
        replace: { type: 'boolean', default: false },
      },
    });
    const [action, ...args] = positionals;
    if (values.rotate && action !== 'key') throw new UsageError('--rotate goes with `peer key`');
    if (values.replace && action !== 'trust') throw new UsageError('--replace goes with `peer trust`');
    switch (action) {
      case 'add': {
        if (args.length !== 1) throw new UsageError('add wants one peer URL');
        const url = peerUrl(args[0]!);
        if (values.as === undefined) throw new UsageError('add wants --as PARTNER (the local partner whose view the peer gets)');
        if (values.token === undefined) throw new UsageError('add wants --token TOKEN (a token the peer issued to this instance)');
        if (!/^[A-Za-z0-9._~+/=-]{1,200}$/.test(values.token)) throw new UsageError('--token is not a bearer token (letters, digits, . _ ~ + / = -)');
        return withStore(values.db, async (store) => {
          const peer = await store.addPeer(LOCAL_ADMIN, { url, partnerId: values.as!, token: values.token! });
          await store.appendAudit({ partnerId: LOCAL_ADMIN.partnerId, role: 'admin', action: 'peer add', status: 0, ids: [`peer${peer.id}`, `p:${peer.partnerId}`], detail: url });
          io.stdout.write(`peer ${peer.id} added: ${peer.url} gets what ${peer.partnerId} may see; this instance is ${await store.instanceId()}\n`);
          io.stdout.write('`parallax serve` pushes to it (and keeps pushing as reports arrive).\n');
          return 0;
        });
      }
      case 'list':
        if (args.length > 0) throw new UsageError(`unexpected ${args.join(' ')}`);
        return withStore(values.db, async (store) => {
          // The tokens stay in the store: a listing is for reading, not for copying secrets.
          const peers = (await store.listPeers(LOCAL_ADMIN)).map(({ token: _token, ...rest }) => rest);
          const instance = await store.instanceId();
          if (values.json) {
            io.stdout.write(JSON.stringify({ instance, peers }, null, 2) + '\n');
            return 0;
          }
          const time = (t: string | null) => (t === null ? '' : t.slice(0, 19).replace('T', ' '));
          io.stdout.write(
            formatTable<Omit<Peer, 'token'>>(
              [
                { header: 'id', value: (p) => String(p.id), align: 'right' },
                { header: 'peer', value: (p) => p.url },
                { header: 'as', value: (p) => p.partnerId },
                { header: 'instance', value: (p) => p.peerInstance ?? '(not reached yet)' },
                { header: 'sent', value: (p) => String(p.sent), align: 'right' },
                { header: 'refused', value: (p) => String(p.refused), align: 'right' },
                { header: 'up to', value: (p) => (p.cursor === 0 ? '' : `#${p.cursor}`) },
                { header: 'last ok', value: (p) => time(p.lastOkAt) },
                { header: 'last error', value: (p) => (p.lastError === null ? '' : `${time(p.lastErrorAt)} ${p.lastError}`) },
              ],
              peers,
            ),
          );
          io.stdout.write(`(${peers.length} peer${peers.length === 1 ? '' : 's'}; this instance is ${instance})\n`);
          return 0;
        });
      case 'remove': {
        if (args.length !== 1) throw new UsageError('remove wants one peer ID or URL');
        const which = args[0]!;
        return withStore(values.db, async (store) => {
          const peers = await store.listPeers(LOCAL_ADMIN);
          const peer = /^\d+$/.test(which) ? peers.find((p) => p.id === Number(which)) : peers.find((p) => p.url === peerUrl(which));
          const done = peer !== undefined && (await store.removePeer(LOCAL_ADMIN, peer.id));
          await store.appendAudit({ partnerId: LOCAL_ADMIN.partnerId, role: 'admin', action: 'peer remove', status: done ? 0 : 1, ids: peer ? [`peer${peer.id}`] : [], detail: which });
          if (!done) {
            io.stderr.write(`parallax peer: no peer ${which} (see \`parallax peer list\`)\n`);
            return 1;
          }
          io.stdout.write(`peer ${peer.id} (${peer.url}) removed; nothing more is pushed to it\n`);
          return 0;
        });
      }
      case 'key':
        if (args.length > 0) throw new UsageError(`unexpected ${args.join(' ')}`);
        return withStore(values.db, async (store) => {
          const instance = await store.instanceId();
          let previousKey: string | undefined;
          if (values.rotate) {
            const old = await store.instanceSigningKey();
            const next = newSigningKey();
            await store.replaceSigningKey(next, signRotation(instance, old, next, new Date().toISOString()));
            previousKey = publicKeyOf(old);
            await store.appendAudit({ partnerId: LOCAL_ADMIN.partnerId, role: 'admin', action: 'peer key rotate', status: 0, ids: [instance], detail: publicKeyOf(next) });
          }
          const publicKey = publicKeyOf(await store.instanceSigningKey());
          if (values.json) io.stdout.write(JSON.stringify({ instance, publicKey, ...(previousKey ? { previousKey } : {}) }) + '\n');
          else {
            io.stdout.write(`${instance} signs its reports with the Ed25519 key\n${publicKey}\n`);
            if (previousKey) io.stdout.write(`(it replaces ${previousKey}; peers that pinned that key follow the change with the next push)\n`);
          }
          return 0;
        });
      case 'trust': {
        if (args.length !== 2) throw new UsageError('trust wants an INSTANCE id and its KEY (as `parallax peer key` prints it there)');
        const [instance, key] = args as [string, string];
        if (!NAME.test(instance)) throw new UsageError(`"${instance}" is not an instance id (px-…)`);
        if (!isPublicKey(key)) throw new UsageError(`"${key}" is not an Ed25519 public key (base64, as \`parallax peer key\` prints it)`);
        return withStore(values.db, async (store) => {
          if (instance === (await store.instanceId())) throw new UsageError(`${instance} is this instance`);
          if (values.replace) await store.replaceInstanceKey(instance, key, LOCAL_ADMIN.partnerId);
          const pinned = values.replace ? key : await store.pinInstanceKey(instance, key, LOCAL_ADMIN.partnerId);
          const done = pinned === key;
          await store.appendAudit({ partnerId: LOCAL_ADMIN.partnerId, role: 'admin', action: values.replace ? 'peer trust replace' : 'peer trust', status: done ? 0 : 1, ids: [instance], detail: key });
          if (!done) {
            io.stderr.write(`parallax peer: ${instance} has another key pinned already (${pinned}); reports signed with another are refused (--replace pins this one instead)\n`);
            return 1;
          }
          io.stdout.write(`${instance}'s reports are verified with this key from now on\n`);
          return 0;
        });
      }
      default:
        throw new UsageError(action === undefined ? 'name an action: add, list, remove, key or trust' : `no action "${action}" (add, list, remove, key, trust)`);
    }
  },
};

/** `http(s)://host[:port][/path]`, without a trailing slash, credentials, query or fragment. */
function peerUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`"${raw}" is not a URL (http://host:port)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${raw}: a peer is reached over http or https`);
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new UsageError(`${raw}: give the peer's address only (the token goes in --token)`);
  }
  return url.href.replace(/\/+$/, '');
}
