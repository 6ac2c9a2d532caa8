import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';
import type { Dialect } from './schema.ts';
import { migrateSearch } from './search-store.ts';

/**
 * The schema's history, in order. Never edit a migration that has shipped: add the next number.
 * Written with Kysely's schema builder so one text serves both dialects.
 */
function listMigrations(dialect: Dialect): Record<string, Migration> {
  // Timestamps compare as text; byte order keeps that independent of the database's locale.
  const time = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    '0001_init': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('feeds')
          .ifNotExists()
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('url', 'text', (c) => c.notNull().unique())
          .addColumn('title', 'text')
          .addColumn('interval_sec', 'integer', (c) => c.notNull())
          .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
          .addColumn('etag', 'text')
          .addColumn('last_modified', 'text')
          .addColumn('last_fetched', time)
          .addColumn('next_fetch', time)
          .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('last_error', 'text')
          .addColumn('disabled_reason', 'text')
          .addColumn('created', time, (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('articles')
          .ifNotExists()
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('external_id', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('feed_id', 'text')
          .addColumn('guid', 'text')
          .addColumn('url', 'text', (c) => c.unique())
          .addColumn('outlet', 'text')
          .addColumn('title', 'text')
          .addColumn('published', 'text')
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('cites', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('copy_of', 'text')
          .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
          .addColumn('first_seen', time, (c) => c.notNull())
          .addColumn('updated', time, (c) => c.notNull())
          .addUniqueConstraint('articles_feed_guid_unique', ['feed_id', 'guid'])
          .execute();
        await db.schema
          .createIndex('articles_content_hash')
          .ifNotExists()
          .on('articles')
          .column('content_hash')
          .execute();
        await db.schema
          .createIndex('articles_first_seen')
          .ifNotExists()
          .on('articles')
          .column('first_seen')
          .execute();

        await db.schema
          .createTable('quarantine')
          .ifNotExists()
          .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('raw', 'text', (c) => c.notNull())
          .addColumn('raw_encoding', 'text', (c) => c.notNull())
          .addColumn('raw_bytes', 'integer', (c) => c.notNull())
          .addColumn('truncated', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('at', time, (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('mentions')
          .ifNotExists()
          .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
          .addColumn('pos', 'integer', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('role', 'text')
          .addColumn('country', 'text')
          .addColumn('count', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('mentions_pk', ['article_id', 'pos'])
          .execute();
        await db.schema.createIndex('mentions_name').ifNotExists().on('mentions').column('name').execute();

        await db.schema
          .createTable('stories')
          .ifNotExists()
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('article_ids', 'text', (c) => c.notNull())
          .addColumn('related', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('first_seen', time, (c) => c.notNull())
          .addColumn('updated', time, (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('stories_updated')
          .ifNotExists()
          .on('stories')
          .column('updated')
          .execute();

        await db.schema
          .createTable('story_articles')
          .ifNotExists()
          .addColumn('article_id', 'text', (c) => c.primaryKey())
          .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
          .execute();
        await db.schema
          .createIndex('story_articles_story')
          .ifNotExists()
          .on('story_articles')
          .column('story_id')
          .execute();
      },
    },
    '0002_delivery': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('subscriptions')
          .ifNotExists()
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('platform', 'text', (c) => c.notNull())
          .addColumn('channel_id', 'text', (c) => c.notNull())
          .addColumn('schedule_kind', 'text', (c) => c.notNull())
          .addColumn('schedule', 'text', (c) => c.notNull())
          .addColumn('time_zone', 'text', (c) => c.notNull())
          .addColumn('filter', 'text')
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('paused_reason', 'text')
          .addColumn('last_run_at', time)
          .addColumn('created_at', time, (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('subscriptions_channel')
          .ifNotExists()
          .on('subscriptions')
          .columns(['platform', 'channel_id'])
          .execute();

        await db.schema
          .createTable('digest_runs')
          .ifNotExists()
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('subscription_id', 'text', (c) => c.notNull())
          .addColumn('platform', 'text', (c) => c.notNull())
          .addColumn('channel_id', 'text', (c) => c.notNull())
          .addColumn('scheduled_for', time, (c) => c.notNull())
          .addColumn('since', time)
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('error', 'text')
          .addColumn('created_at', time, (c) => c.notNull())
          .addColumn('finished_at', time)
          .addUniqueConstraint('digest_runs_once', ['subscription_id', 'scheduled_for'])
          .execute();
        await db.schema
          .createIndex('digest_runs_channel')
          .ifNotExists()
          .on('digest_runs')
          .columns(['platform', 'channel_id', 'scheduled_for'])
          .execute();

        await db.schema
          .createTable('deliveries')
          .ifNotExists()
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('run_id', 'text')
          .addColumn('platform', 'text', (c) => c.notNull())
          .addColumn('channel_id', 'text', (c) => c.notNull())
          .addColumn('story_id', 'text')
          .addColumn('story_version', 'integer')
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('part', 'text', (c) => c.notNull())
          .addColumn('pos', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('body', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('message_channel_id', 'text')
          .addColumn('message_id', 'text')
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('error', 'text')
          .addColumn('requested_by', 'text')
          .addColumn('created_at', time, (c) => c.notNull())
          .addColumn('updated_at', time, (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('deliveries_run')
          .ifNotExists()
          .on('deliveries')
          .column('run_id')
          .execute();
        await db.schema
          .createIndex('deliveries_story')
          .ifNotExists()
          .on('deliveries')
          .columns(['story_id', 'platform', 'channel_id'])
          .execute();
        await db.schema
          .createIndex('deliveries_status')
          .ifNotExists()
          .on('deliveries')
          .column('status')
          .execute();
      },
    },
    '0003_search': { up: (db: Kysely<unknown>) => migrateSearch(db, dialect) },
  };
}

export function createMigrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => listMigrations(dialect) };
}
