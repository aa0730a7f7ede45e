import { randomBytes } from 'node:crypto';
import { cannedListResponse, cannedResponse, type CannedAnswerView, createCannedRequest, updateCannedRequest } from '../../lib/contract/officer';
import type { CannedAnswer } from '../../lib/content/cannedText';
import { isAppError } from '../../lib/errors';
import type { ResourceContext } from './context';
import { conflict, invalid, notFound } from './errors';

const EDIT = 'edit canned answers';

function cannedView(answer: CannedAnswer): CannedAnswerView {
  const text: CannedAnswerView['text'] = answer.text.form === 'neutral'
    ? { form: 'neutral', th: answer.text.th, en: answer.text.en }
    : { form: 'polite', th: { kha: answer.text.th.kha, khrap: answer.text.th.khrap }, en: answer.text.en };
  return { id: answer.id, title: { th: answer.title.th, en: answer.title.en }, text };
}

/** Canned answers: every officer reads them; admins create, edit and delete them. Every change is audited. */
export function cannedRoutes({ deps, router }: ResourceContext): void {
  const write = async (answer: CannedAnswer, by: string, mode: 'create' | 'update') => {
    try {
      await deps.content.setCanned(answer, by, mode);
    } catch (error) {
      if (isAppError(error, 'CONTENT_DUPLICATE')) throw conflict('canned-id-taken', 'A canned answer has that id');
      if (isAppError(error, 'CONTENT_NOT_FOUND')) throw notFound('canned answer');
      if (isAppError(error, 'CONTENT_INVALID')) throw invalid('body', 'too-many', error.message);
      throw error;
    }
  };

  router.route({
    method: 'get',
    path: '/canned',
    access: 'officer',
    response: cannedListResponse,
    handle: async () => ({ answers: deps.content.canned().map(cannedView) }),
  });

  router.route({
    method: 'post',
    path: '/canned',
    access: 'admin',
    adminAction: EDIT,
    body: createCannedRequest,
    response: cannedResponse,
    status: 201,
    handle: async ({ caller, body }) => {
      const answer: CannedAnswer = { id: body.id ?? randomBytes(6).toString('hex'), title: body.title, text: body.text };
      await write(answer, caller.officer._id, 'create');
      await deps.audit.record(caller.officer._id, 'content.canned.create', `canned:${answer.id}`, { id: answer.id });
      return { answer: cannedView(answer) };
    },
  });

  router.route({
    method: 'put',
    path: '/canned/:id',
    access: 'admin',
    adminAction: EDIT,
    body: updateCannedRequest,
    response: cannedResponse,
    handle: async ({ caller, params, body }) => {
      const answer: CannedAnswer = { id: params.id, title: body.title, text: body.text };
      await write(answer, caller.officer._id, 'update');
      await deps.audit.record(caller.officer._id, 'content.canned.update', `canned:${answer.id}`, { id: answer.id });
      return { answer: cannedView(answer) };
    },
  });

  router.route({
    method: 'del',
    path: '/canned/:id',
    access: 'admin',
    adminAction: EDIT,
    handle: async ({ caller, params }) => {
      if (!(await deps.content.deleteCanned(params.id, caller.officer._id))) throw notFound('canned answer');
      await deps.audit.record(caller.officer._id, 'content.canned.delete', `canned:${params.id}`, { id: params.id });
    },
  });
}
