import type { FastifyInstance } from 'fastify';
import { DOCUMENT_FORMATS } from '../../domain/document.js';
import { TLP_LABELS } from '../../domain/marking.js';
import {
  BASE64,
  documentProblem,
  FEDERATION_SPEC,
  judgeSignature,
  provenanceOf,
  publicKeyOf,
  receivedMarking,
  type ReceiptStatus,
  type WirePush,
  type WirePushResult,
  type WireReceipt,
} from '../../share/federation.js';
import { MarkingError } from '../../share/marking-input.js';
import { prepareReport } from '../../store/prepare-report.js';
import type { KeyRotation, ReportInput, Store } from '../../store/store.js';
import { mustWrite } from '../auth.js';
import { viewerOf, type ServerContext } from '../context.js';
import { HttpProblem } from '../problem.js';
import { objectOf } from '../schemas.js';
import { MAX_REPORT_CHARS } from './reports.js';
import { NAME as NAME_PATTERN } from '../../share/classifications.js';
import { followRotations, rotationHolds } from '../../share/key-rotation.js';

/** Reports in one push; the sender sends fewer (it also bounds their text). */
export const MAX_PUSH_REPORTS = 500;

const NAME = NAME_PATTERN.source;
const SPAN = {
  type: 'object',
  required: ['start', 'end'],
  additionalProperties: false,
  properties: { start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 } },
} as const;
// A type list, not anyOf [string, null]: with the server's type coercion, a null tried against the
// string branch first became "" (a received report's missing title arrived as an empty one).
const nullable = (schema: { type: string } & Record<string, unknown>) => ({ ...schema, type: [schema.type, 'null'] });

const WIRE_REPORT = {
  type: 'object',
  required: ['document', 'marking', 'provenance'],
  additionalProperties: false,
  properties: {
    document: {
      type: 'object',
      required: ['origin', 'format', 'text', 'title', 'published', 'url', 'source', 'main', 'boilerplate'],
      additionalProperties: false,
      properties: {
        origin: { type: 'string', minLength: 1, maxLength: 4000 },
        format: { type: 'string', enum: [...DOCUMENT_FORMATS] },
        text: { type: 'string', maxLength: MAX_REPORT_CHARS },
        title: nullable({ type: 'string', maxLength: 4000 }),
        published: nullable({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
        url: nullable({ type: 'string', maxLength: 4000 }),
        source: nullable({ type: 'string', maxLength: 1000 }),
        main: SPAN,
        boilerplate: {
          type: 'array',
          // A line-numbered text (a bill, a transcript) has a margin per line: a 1,500-page bill holds ~40,000.
          maxItems: 100_000,
          items: {
            type: 'object',
            required: ['start', 'end', 'kind'],
            additionalProperties: false,
            properties: { ...SPAN.properties, kind: { type: 'string', maxLength: 32 } },
          },
        },
      },
    },
    marking: {
      type: 'object',
      required: ['classification', 'releasableTo', 'owner', 'tlp'],
      additionalProperties: false,
      properties: {
        classification: { type: 'string', maxLength: 64 },
        releasableTo: { type: 'array', maxItems: 64, items: { type: 'string', pattern: NAME } },
        owner: { type: 'string', pattern: NAME },
        tlp: { type: 'string', enum: [...TLP_LABELS] },
      },
    },
    provenance: {
      type: 'object',
      required: ['instance', 'reportId', 'ingestedAt'],
      additionalProperties: false,
      properties: {
        instance: { type: 'string', pattern: NAME },
        reportId: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
        ingestedAt: { type: 'string', minLength: 1, maxLength: 64 },
        signature: { type: 'string', pattern: BASE64.source, maxLength: 200 },
      },
    },
  },
} as const;

/**
 * The receiving side of federation. A peer instance pushes the reports its partner view allows,
 * with a token this instance issued to it (an analyst's or admin's: it submits reports). Each
 * report is extracted here and stored with its provenance; a version already held is `unchanged`,
 * an older one than held `superseded`, so a push may be repeated safely. One bad report is refused
 * alone, with the reason, and the others are stored.
 */
export async function federationRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const { store } = ctx;

  app.get(
    '/federation/instance',
    {
      schema: {
        summary: "This instance's federation id (peers learn it before pushing) and the public key its reports' provenance is signed with",
        response: { 200: objectOf('{ spec, instance, publicKey }') },
      },
    },
    async () => ({ spec: FEDERATION_SPEC, instance: await store.instanceId(), publicKey: publicKeyOf(await store.instanceSigningKey()) }),
  );

  app.post<{ Body: WirePush }>(
    '/federation/reports',
    {
      // A push carries whole reports: room for a few of the largest the API accepts.
      bodyLimit: 64 * 1024 * 1024,
      schema: {
        summary: 'Receive reports pushed by a peer instance, with their markings and provenance (idempotent per version)',
        body: {
          type: 'object',
          required: ['spec', 'from', 'reports'],
          additionalProperties: false,
          properties: {
            spec: { type: 'string', const: FEDERATION_SPEC },
            from: { type: 'string', pattern: NAME },
            reports: { type: 'array', maxItems: MAX_PUSH_REPORTS, items: WIRE_REPORT },
            keys: {
              type: 'object',
              maxProperties: MAX_PUSH_REPORTS + 1,
              propertyNames: { pattern: NAME },
              additionalProperties: { type: 'string', pattern: BASE64.source, maxLength: 200 },
            },
            rotations: {
              type: 'array',
              maxItems: 1000,
              items: {
                type: 'object',
                required: ['instance', 'from', 'to', 'at', 'signature'],
                additionalProperties: false,
                properties: {
                  instance: { type: 'string', pattern: NAME },
                  from: { type: 'string', pattern: BASE64.source, maxLength: 200 },
                  to: { type: 'string', pattern: BASE64.source, maxLength: 200 },
                  at: { type: 'string', maxLength: 40 },
                  signature: { type: 'string', pattern: BASE64.source, maxLength: 200 },
                },
              },
            },
          },
        },
        response: { 200: objectOf('{ spec, instance, receipts }: one receipt per report sent, in order (status, id here, problem)') },
      },
    },
    async (request): Promise<WirePushResult> => {
      mustWrite(request, 'pushing reports');
      const sender = viewerOf(request);
      const own = await store.instanceId();
      const { from, reports, keys = {}, rotations = [] } = request.body;
      if (from === own) throw new HttpProblem(409, 'the push comes from this instance itself: a peer URL points back here');
      const receipts: WireReceipt[] = reports.map((r) => ({
        instance: r.provenance.instance,
        reportId: r.provenance.reportId,
        status: 'failed' as ReceiptStatus,
        localId: null,
        problem: null,
      }));
      const inputs: ReportInput[] = [];
      const slots: number[] = [];
      // Keys pinned here before this push, and those it pins (trust on first use: the first key a
      // signature verifies with stays the instance's key; a later push cannot replace it).
      const pinned = await store.instanceKeys(reports.map((r) => r.provenance.instance));
      const retired = await followKeyRotations(store, pinned, rotations, from);
      const pins = new Map<string, string>();
      reports.forEach((r, i) => {
        const receipt = receipts[i]!;
        const refuse = (problem: string) => Object.assign(receipt, { status: 'refused', problem });
        // A report goes back to its origin never: the owner's copy is not overwritten by a peer's.
        if (r.provenance.instance === own) return refuse('it originates at this instance, which owns it');
        const problem = documentProblem(r.document);
        if (problem !== null) return refuse(problem);
        const origin = r.provenance.instance;
        const judged = judgeSignature(r, pinned.get(origin), keys[origin], retired.get(origin));
        if (judged.verdict === 'refused') return refuse(judged.problem);
        if (judged.verdict === 'verified' && judged.pin !== null) {
          pinned.set(origin, judged.pin);
          pins.set(origin, judged.pin);
        }
        let marking;
        try {
          marking = receivedMarking(sender, r.marking, r.provenance.instance, ctx.classificationOrder);
        } catch (e) {
          if (e instanceof MarkingError) return refuse(`marking: ${e.message}`);
          throw e;
        }
        try {
          inputs.push({ ...prepareReport(r.document, { marking }), provenance: provenanceOf(r, from, judged.verdict === 'verified') });
          slots.push(i);
        } catch (e) {
          refuse(`the report could not be extracted: ${(e as Error).message}`);
        }
      });
      for (const [instance, key] of pins) await store.pinInstanceKey(instance, key, from);
      const outcomes = inputs.length === 0 ? [] : await store.ingest(inputs);
      const written: string[] = [];
      for (const [k, o] of outcomes.entries()) {
        if (o.reportId !== null) written.push(`r${o.reportId}`);
        // A receipt names a report here only when the sender may see it (the one policy decides);
        // that a version is held at all is told, since that is how a repeated push is recognised.
        const visible = o.reportId !== null && (await store.findReport(sender, o.reportId)) !== undefined;
        Object.assign(receipts[slots[k]!]!, { status: o.status, localId: visible ? o.reportId : null, problem: o.problem });
      }
      request.auditIds = written;
      return { spec: FEDERATION_SPEC, instance: own, receipts };
    },
  );
}

/**
 * A push's statements of key rotation: those signed by the key they replace are kept (to relay)
 * and move the pins they start from, here and in `pinned`. Returns each instance's retired keys
 * (the statements' `from` keys it has kept), whose old signatures are kept as unverified.
 */
async function followKeyRotations(store: Store, pinned: Map<string, string>, pushed: readonly KeyRotation[], from: string): Promise<Map<string, string[]>> {
  const holding = pushed.filter(rotationHolds);
  const kept = await store.keyRotations([...pinned.keys()]);
  const known = [...kept, ...holding.filter((h) => !kept.some((k) => k.instance === h.instance && k.from === h.from))];
  const retired = new Map<string, string[]>();
  const taken: KeyRotation[] = [];
  for (const r of known) retired.set(r.instance, [...(retired.get(r.instance) ?? []), r.from]);
  for (const [instance, key] of pinned) {
    const followed = followRotations(key, known.filter((r) => r.instance === instance));
    pinned.set(instance, followed.key);
    taken.push(...followed.taken);
  }
  // Kept to relay, and the stored pins moved as here (a statement kept earlier may move a pin made since).
  if (holding.length > 0 || taken.length > 0) await store.recordKeyRotations([...holding, ...taken], from);
  return retired;
}
