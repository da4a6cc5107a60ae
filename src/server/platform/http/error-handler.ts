import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../domain/domain-error.js';
import { entityNames, type ErrorCode, errorMessages, formatMessage } from '../../../i18n/error-messages.js';
import type { Locale } from '../../../i18n/locale.js';
import { unstorableTextMessage } from '../../../schemas/common.js';
import { fieldOfUniqueColumns, meaningOfDbError } from '../../db/db-errors.js';
import { fieldLabel, labelOfPath } from '../../../i18n/validation-messages.js';
import { AppError, httpStatusOf } from './app-error.js';

function localiseParams(params: Record<string, string | number>, locale: Locale): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  if (typeof params.entity === 'string') out.entity = entityNames[params.entity]?.[locale] ?? params.entity;
  return out;
}

/**
 * The detail is sentences for a person, each naming its field as the form does: "请选择所在地区。"
 * as the validation message says it, or "所在地区：引用的记录不存在或已归档。" when a service's
 * message does not name the field itself.
 */
function fieldSentence(e: { path: string; message: string }, locale: Locale): string {
  const label = e.path ? fieldLabel(e.path, locale) : '';
  const named = !label || [label, labelOfPath(e.path, locale)].some((name) => name && e.message.toLowerCase().includes(name.toLowerCase()));
  const text = named ? e.message : `${label}${locale === 'zh-CN' ? '：' : ': '}${e.message}`;
  return /[。.!！?？]$/.test(text) ? text : `${text}${locale === 'zh-CN' ? '。' : '.'}`;
}

export function problemBody(error: AppError, locale: Locale) {
  const status = httpStatusOf[error.code];
  const detail = formatMessage(errorMessages[error.code][locale], localiseParams(error.params, locale));
  const errors = error.fieldIssues.map((i) => ({
    path: i.path,
    message: typeof i.message === 'string' ? i.message : i.message[locale],
  }));
  const fieldText = errors.length ? `${locale === 'zh-CN' ? '：' : ': '}${errors.map((e) => fieldSentence(e, locale)).join(locale === 'zh-CN' ? '' : ' ')}` : '';
  return {
    type: `https://shuangkong.local/problems/${error.code.toLowerCase()}`,
    title: error.code,
    status,
    code: error.code,
    detail: error.code === 'VALIDATION' ? `${detail}${fieldText}` : detail,
    ...(errors.length ? { errors } : {}),
    ...(error.extra ? error.extra : {}),
  };
}

function fromDomainError(error: DomainError): AppError {
  const code = (error.code in errorMessages ? error.code : 'VALIDATION') as ErrorCode;
  const field = error.field ?? '';
  return new AppError(code, { field, ...error.params }, field ? [{ path: field, message: error.message }] : []);
}

/** Fastify's own 4xx errors (bad JSON, wrong content type, too large) become problems too: no 5xx for bad input. */
function fromFastifyError(error: FastifyError): AppError | null {
  const status = error.statusCode ?? 500;
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (status === 429) return new AppError('RATE_LIMITED');
  if (status >= 400 && status < 500) return new AppError('BAD_REQUEST', { detail: error.message });
  return null;
}

/** The one place a database's refusal becomes the caller's problem (see db-errors.ts). */
function fromDbError(error: unknown): AppError | null {
  const meaning = meaningOfDbError(error);
  if (!meaning) return null;
  if (meaning.kind === 'unstorable-text') return new AppError('VALIDATION', {}, [{ path: '', message: unstorableTextMessage }]);
  const field = fieldOfUniqueColumns(meaning.columns);
  return new AppError('CONFLICT', { detail: field || '-' }, field ? [{ path: field, message: alreadyTaken }] : []);
}

const alreadyTaken = { 'zh-CN': '已存在相同的值（可能刚被同时提交）', 'en-US': 'this value already exists (perhaps submitted at the same moment)' };

export function sendProblem(reply: FastifyReply, error: AppError, locale: Locale): FastifyReply {
  const body = problemBody(error, locale);
  return reply.status(body.status).type('application/problem+json; charset=utf-8').send(body);
}

/**
 * Errors Node's HTTP parser meets before a request exists (a URL or headers over 16 KB, a request
 * that never finishes arriving) answer problem+json too, in the default language (no header was read).
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const appError =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new AppError('HEADERS_TOO_LARGE')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new AppError('REQUEST_TIMEOUT')
        : new AppError('BAD_REQUEST', { detail: error.code ?? 'client error' });
  const body = JSON.stringify(problemBody(appError, 'zh-CN'));
  if (socket.writable) {
    const status = httpStatusOf[appError.code];
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((raw: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const locale = request.locale ?? 'zh-CN';
    let error: AppError | null = null;
    if (raw instanceof AppError) error = raw;
    else if (raw instanceof DomainError) error = fromDomainError(raw);
    else error = fromDbError(raw) ?? fromFastifyError(raw as FastifyError);
    if (!error) {
      request.log.error({ err: raw }, 'unhandled error');
      error = new AppError('INTERNAL');
    }
    return sendProblem(reply, error, locale);
  });
}
