import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PreparedFile } from './prepare-file.js';
import { preparedFiles, type PrepareThread } from './prepared-files.js';
import type { InputFile } from './read-inputs.js';

const fromSource = import.meta.url.endsWith('.ts');
const skip = fromSource ? 'the worker runs compiled code (dist/)' : false;

// The reader reuses one buffer for every file; so does this fake, to catch a worker sent a view.
const shared = Buffer.alloc(1 << 16);
function file(origin: string, text: string | Uint8Array): InputFile {
  return {
    origin,
    read: async () => {
      const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
      shared.set(bytes);
      return shared.subarray(0, bytes.length);
    },
  };
}
const unreadable: InputFile = {
  origin: 'gone.txt',
  read: async () => {
    throw Object.assign(new Error('x'), { problem: 'no such file or folder' });
  },
};

function batch(): InputFile[] {
  const files: InputFile[] = [];
  for (let i = 0; i < 30; i++) {
    files.push(file(`r${i}.txt`, `Report ${i}\n\nSeoul's spy agency said on Tuesday that about ${1000 + i * 100} North Korean troops had reached the Kursk region this month.`));
  }
  files.splice(5, 0, file('empty.txt', ''));
  files.splice(9, 0, file('bad.txt', new Uint8Array([0x41, 0xff, 0xfe, 0x41])));
  files.splice(12, 0, unreadable);
  files.splice(20, 0, file('bundle.json', JSON.stringify({ type: 'bundle', id: 'bundle--6b0f1ea8-0b6a-4b42-9a4a-1f9a5e1f3a11', objects: [] })));
  return files;
}

async function collect(files: InputFile[], thread: PrepareThread, entry?: URL): Promise<PreparedFile[]> {
  const out: PreparedFile[] = [];
  for await (const p of preparedFiles(files, { published: '2024-11-05' }, thread, entry)) out.push(p);
  return out;
}

test('a worker thread prepares the same files, in the same order, as this thread', { skip }, async () => {
  const here = await collect(batch(), 'inline');
  const there = await collect(batch(), 'worker');
  assert.equal(there.length, here.length);
  assert.deepEqual(there, here);
  // The batch holds what it should: reports with claims, failures named, the bundle passed on.
  const kinds = here.map((p) => (p.kind === 'stix' ? 'stix' : p.reports.length > 0 ? 'report' : p.messages[0]?.text ?? 'nothing'));
  assert.equal(kinds.filter((k) => k === 'report').length, 30);
  assert.equal(kinds[20], 'stix');
  assert.equal(kinds[12], 'no such file or folder');
  assert.match(String(kinds[5]), /empty/);
  const first = here[0]!;
  assert.ok(first.kind === 'documents' && first.reports[0]!.extraction.claims.some((c) => c.value.low === 1000));
});

test('when the worker itself dies, every file is still prepared here, none lost', { skip }, async () => {
  const failing = new URL('./prepare-worker-fails.fixture.js', import.meta.url);
  const here = await collect(batch(), 'inline');
  const recovered = await collect(batch(), 'worker', failing);
  assert.deepEqual(recovered, here);
});
