import { InputError } from '../errors.ts';
import type { EntityKind, Mention, Story } from '../types.ts';
import { parseStringArray } from './article-store.ts';
import type { StoriesTable } from './schema.ts';
import type { Store } from './store.ts';
import { type StoreContext, toLimit, toStoredTime } from './store-context.ts';

type StoryMethods = Pick<
  Store,
  'saveMentions' | 'getMentions' | 'saveStory' | 'getStory' | 'listStories' | 'storyOfArticle'
>;

const kinds = new Set<string>(['person', 'org', 'place'] satisfies EntityKind[]);
const chunkSize = 500;

function toStory(row: StoriesTable): Story {
  return {
    id: row.id,
    articleIds: parseStringArray(row.article_ids, `stories.article_ids of ${row.id}`),
    related: parseStringArray(row.related, `stories.related of ${row.id}`),
    version: Number(row.version),
    firstSeen: row.first_seen,
    updated: row.updated,
  };
}

function checkMention(articleId: string, m: Mention): void {
  if (!kinds.has(m.kind)) throw new InputError(`mention "${m.name}": unknown kind "${m.kind}"`, articleId);
  if (!Number.isInteger(m.count) || m.count < 0)
    throw new InputError(`mention "${m.name}": count ${m.count} is not a whole number ≥ 0`, articleId);
}

export function createStoryMethods(ctx: StoreContext): StoryMethods {
  const { db } = ctx;
  return {
    /** Replaces the article's mentions with these, kept in this order. */
    async saveMentions(articleId, mentions) {
      for (const m of mentions) checkMention(articleId, m);
      await ctx.write(async (trx) => {
        await trx.deleteFrom('mentions').where('article_id', '=', articleId).execute();
        if (mentions.length === 0) return;
        const rows = mentions.map((m, pos) => ({
          article_id: articleId,
          pos,
          name: m.name,
          kind: m.kind,
          role: m.role ?? null,
          country: m.country ?? null,
          count: m.count,
        }));
        for (let i = 0; i < rows.length; i += chunkSize)
          await trx
            .insertInto('mentions')
            .values(rows.slice(i, i + chunkSize))
            .execute();
      });
    },

    /** Only articles that have mentions get an entry. */
    async getMentions(articleIds) {
      const out = new Map<string, Mention[]>();
      const unique = [...new Set(articleIds)];
      for (let i = 0; i < unique.length; i += chunkSize) {
        const rows = await db
          .selectFrom('mentions')
          .selectAll()
          .where('article_id', 'in', unique.slice(i, i + chunkSize))
          .orderBy('article_id')
          .orderBy('pos')
          .execute();
        for (const row of rows) {
          const list = out.get(row.article_id) ?? [];
          list.push({
            name: row.name,
            kind: row.kind as EntityKind,
            role: row.role,
            country: row.country,
            count: Number(row.count),
          });
          out.set(row.article_id, list);
        }
      }
      return out;
    },

    /** Creates or replaces the story; each of its articles now belongs to it (and to no other story). */
    async saveStory(story) {
      const row: StoriesTable = {
        id: story.id,
        article_ids: JSON.stringify(story.articleIds),
        related: JSON.stringify(story.related),
        version: story.version,
        first_seen: toStoredTime(story.firstSeen, 'firstSeen'),
        updated: toStoredTime(story.updated, 'updated'),
      };
      await ctx.write(async (trx) => {
        await trx
          .insertInto('stories')
          .values(row)
          .onConflict((oc) =>
            oc.column('id').doUpdateSet({
              article_ids: row.article_ids,
              related: row.related,
              version: row.version,
              first_seen: row.first_seen,
              updated: row.updated,
            }),
          )
          .execute();
        await trx.deleteFrom('story_articles').where('story_id', '=', story.id).execute();
        const links = [...new Set(story.articleIds)].map((articleId) => ({
          story_id: story.id,
          article_id: articleId,
        }));
        for (let i = 0; i < links.length; i += chunkSize)
          await trx
            .insertInto('story_articles')
            .values(links.slice(i, i + chunkSize))
            .onConflict((oc) =>
              oc.column('article_id').doUpdateSet((eb) => ({ story_id: eb.ref('excluded.story_id') })),
            )
            .execute();
      });
    },

    async getStory(id) {
      const row = await db.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toStory(row) : null;
    },

    async listStories(opts = {}) {
      const rows = await db
        .selectFrom('stories')
        .selectAll()
        .$if(opts.since !== undefined, (q) => q.where('updated', '>=', toStoredTime(opts.since!, 'since')))
        .orderBy('updated', 'desc')
        .orderBy('id', 'desc')
        .$if(opts.limit !== undefined, (q) => q.limit(toLimit(opts.limit!)))
        .execute();
      return rows.map(toStory);
    },

    async storyOfArticle(articleId) {
      const row = await db
        .selectFrom('story_articles')
        .innerJoin('stories', 'stories.id', 'story_articles.story_id')
        .selectAll('stories')
        .where('story_articles.article_id', '=', articleId)
        .executeTakeFirst();
      return row ? toStory(row) : null;
    },
  };
}
