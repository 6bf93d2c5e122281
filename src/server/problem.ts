import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { MarkingError } from '../share/marking-input.js';
import { StoreConflictError, StorePermissionError } from '../store/viewer-scope.js';

/**
 * Errors as RFC 9457 problem details. The body names the status and what is wrong, nothing else:
 * no instance URL and no internals, so a record the viewer may not see answers exactly as one that
 * does not exist.
 */
export const PROBLEM_TYPE = 'application/problem+json';

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { where: string; problem: string }[];
}

export function problemBody(status: number, detail: string, errors?: ProblemBody['errors']): ProblemBody {
  return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail, ...(errors ? { errors } : {}) };
}

export function sendProblem(reply: FastifyReply, status: number, detail: string, errors?: ProblemBody['errors']): FastifyReply {
  return reply.code(status).type(PROBLEM_TYPE).send(problemBody(status, detail, errors));
}

interface ValidationIssue {
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** The error handler of the whole server: every failure becomes a problem document. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof HttpProblem) {
    for (const [k, v] of Object.entries(error.headers)) reply.header(k, v);
    return sendProblem(reply, error.status, error.detail);
  }
  if (error.validation) {
    const where = error.validationContext ?? 'request';
    const errors = (error.validation as ValidationIssue[]).map((v) => ({
      where: `${where}${v.instancePath.replace(/\//g, '.')}`,
      problem: describe(v),
    }));
    return sendProblem(reply, 400, errors.map((e) => `${e.where} ${e.problem}`).join('; '), errors);
  }
  if (error instanceof MarkingError) return sendProblem(reply, error.kind === 'forbidden' ? 403 : 400, `marking: ${error.message}`);
  if (error instanceof StorePermissionError) return sendProblem(reply, 403, error.message);
  if (error instanceof StoreConflictError) return sendProblem(reply, 409, error.message);
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return sendProblem(reply, status, clientMessage(error));
  request.log.error(error);
  return sendProblem(reply, 500, 'the server failed on this request; it has been logged');
}

function describe(v: ValidationIssue): string {
  const extra = v.params?.['additionalProperty'];
  if (typeof extra === 'string') return `has an unknown field "${extra}"`;
  return v.message ?? 'is not valid';
}

/** Fastify's own client errors (body too large, bad JSON, wrong media type) in plain words. */
function clientMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'the request body is too large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'send the body as application/json';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'the JSON body is empty';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return `the body is not valid JSON: ${error.message}`;
    default:
      return error.message;
  }
}
