import { parseArgs } from 'node:util';
import { ENTITY_TYPES, type EntityType } from '../../domain/entity.js';
import { LOCAL_ADMIN } from '../../domain/viewer.js';
import type { EntityQuery, EntitySummary } from '../../store/store.js';
import { UsageError, type Command } from '../command.js';
import { positiveInt } from '../numbers-option.js';
import { openStoreAt, storeLocation } from '../store-option.js';
import { formatTable } from '../table.js';
import { terminalWidth } from '../terminal-width.js';

export const entitiesCommand: Command = {
  name: 'entities',
  usage: `parallax entities [--type ${ENTITY_TYPES.join('|')}] [--name TEXT] [--limit N] [--db FILE] [--json]`,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        type: { type: 'string' },
        name: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    const query: EntityQuery = {};
    if (values.type !== undefined) {
      if (!(ENTITY_TYPES as readonly string[]).includes(values.type)) {
        throw new UsageError(`--type is one of ${ENTITY_TYPES.join(', ')}, not "${values.type}"`);
      }
      query.type = values.type as EntityType;
    }
    if (values.name !== undefined) query.name = values.name;
    if (values.limit !== undefined) query.limit = positiveInt(values.limit, '--limit');
    else if (!values.json) query.limit = 50; // a screenful for people; programs get everything
    const store = await openStoreAt(storeLocation(values.db), { mustExist: true });
    try {
      const entities = await store.listEntities(LOCAL_ADMIN, query);
      if (values.json) {
        io.stdout.write(JSON.stringify(entities, null, 2) + '\n');
        return 0;
      }
      io.stdout.write(
        formatTable<EntitySummary>(
          [
            { header: 'name', value: (e) => e.name, shrink: true },
            { header: 'type', value: (e) => e.type },
            { header: 'stories', value: (e) => e.stories },
            { header: 'reports', value: (e) => e.reports },
            { header: 'mentions', value: (e) => e.mentions },
            { header: 'role', value: (e) => e.roles[0] ?? '', shrink: true },
            { header: 'also', value: (e) => e.aliases.join(', '), shrink: true },
          ],
          entities,
          terminalWidth(io),
        ),
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
