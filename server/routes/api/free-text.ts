/** Citizens' free answers for analysts: read, search, count, download, and sort them into categories. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AnswerTagParams,
  AnswerTagsView,
  CategoryBody,
  CategoryDeletedView,
  CategoryParams,
  CategoryView,
  FreeAnswersView,
  FreeTextCountsQuery,
  FreeTextCountsView,
  FreeTextFilters,
  FreeTextListQuery,
} from '../../../contract/free-text.ts';
import { ProblemView } from '../../../contract/problems.ts';
import { RoundParams } from '../../../contract/rounds.ts';
import { createCategory, deleteFreeTextCategory, renameFreeTextCategory, setAnswerTag } from '../../domain/free-text/categories.ts';
import { freeAnswersFile } from '../../domain/free-text/free-answers-file.ts';
import { freeAnswers, freeTextCounts } from '../../domain/free-text/free-answers.ts';
import { requireStaff } from '../../plugins/auth.ts';
import { attachment } from './results.ts';

const errors = { 400: ProblemView, 401: ProblemView, 403: ProblemView, 404: ProblemView };

export const freeTextRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const reader = (request: Parameters<typeof requireStaff>[0]) => requireStaff(request).user.id;

  app.get(
    '/rounds/:code/free-text',
    {
      config: { action: 'freetext.read' },
      schema: {
        summary:
          "Citizens' free answers of a round (comments, other — specify), newest first, filtered and paged, with the counts per category; personal data masked unless the reader is cleared",
        params: RoundParams,
        querystring: FreeTextListQuery,
        response: { 200: FreeAnswersView, ...errors, 409: ProblemView },
      },
    },
    async (request) => freeAnswers(db(), reader(request), request.params.code, request.query),
  );

  app.get(
    '/rounds/:code/free-text/counts',
    {
      config: { action: 'freetext.read' },
      schema: {
        summary: 'Free answers per category in each province, district, commune or office, within the same filters',
        params: RoundParams,
        querystring: FreeTextCountsQuery,
        response: { 200: FreeTextCountsView, ...errors, 409: ProblemView },
      },
    },
    async (request) => freeTextCounts(db(), reader(request), request.params.code, request.query),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/rounds/:code/free-text.${format}`,
      {
        config: { action: 'freetext.read' },
        schema: {
          summary: `The free answers matching the filters with their categories, as ${format.toUpperCase()}; personal data masked unless the reader is cleared (audited)`,
          params: RoundParams,
          querystring: FreeTextFilters,
        },
      },
      async (request, reply) => {
        const file = await freeAnswersFile(db(), reader(request), request.params.code, request.query, format);
        reply.header('content-disposition', attachment(file.fileName)).type(file.mediaType).header('cache-control', 'no-store');
        return file.body;
      },
    );
  }

  app.post(
    '/rounds/:code/free-text/categories',
    {
      config: { action: 'freetext.tag' },
      schema: {
        summary: 'Add a category for the free answers of a round (audited)',
        params: RoundParams,
        body: CategoryBody,
        response: { 201: CategoryView, ...errors, 409: ProblemView },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return createCategory(db(), reader(request), request.params.code, request.body.name);
    },
  );

  app.patch(
    '/rounds/:code/free-text/categories/:id',
    {
      config: { action: 'freetext.tag' },
      schema: {
        summary: 'Rename a category (audited)',
        params: CategoryParams,
        body: CategoryBody,
        response: { 200: CategoryView, ...errors, 409: ProblemView },
      },
    },
    async (request) => renameFreeTextCategory(db(), reader(request), request.params.code, request.params.id, request.body.name),
  );

  app.delete(
    '/rounds/:code/free-text/categories/:id',
    {
      config: { action: 'freetext.tag' },
      schema: {
        summary: 'Delete a category and take it off every answer (audited)',
        params: CategoryParams,
        response: { 200: CategoryDeletedView, ...errors },
      },
    },
    async (request) => deleteFreeTextCategory(db(), reader(request), request.params.code, request.params.id),
  );

  for (const [method, tagged] of [
    ['PUT', true],
    ['DELETE', false],
  ] as const) {
    app.route({
      method,
      url: '/rounds/:code/free-text/answers/:responseId/:item/categories/:id',
      config: { action: 'freetext.tag' },
      schema: {
        summary: tagged ? 'Tag a free answer with a category (audited; again changes nothing)' : 'Take a category off a free answer (audited)',
        params: AnswerTagParams,
        response: { 200: AnswerTagsView, ...errors },
      },
      handler: async (request) => {
        const { code, responseId, item, id } = request.params as { code: string; responseId: string; item: string; id: number };
        return setAnswerTag(db(), reader(request), { code, responseId, item, id }, tagged);
      },
    });
  }
};
