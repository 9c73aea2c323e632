import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Names sort as a Chinese reader expects, by pinyin (安 阿 … 李 … 王 … 张), not by code point. The
 * collation `guanai_pinyin` is ICU's Chinese (pinyin) order; on a server built without ICU it falls
 * back to byte order under the same name, so the SQL stays the same everywhere. The list's name index
 * is rebuilt in that order so it still serves the first page and the keyset export.
 */
export class TeacherNamePinyin1764500000000 implements MigrationInterface {
  name = 'TeacherNamePinyin1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_collation WHERE collprovider = 'i') THEN
          CREATE COLLATION guanai_pinyin (provider = icu, locale = 'zh-u-co-pinyin');
        ELSE
          CREATE COLLATION guanai_pinyin FROM "C";
        END IF;
      END $$`);
    await q.query(
      `CREATE INDEX teachers_list_name_pinyin ON teachers (tenant_id, name COLLATE guanai_pinyin, id) INCLUDE (org_id)`,
    );
    await q.query(`DROP INDEX teachers_list_name`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX teachers_list_name ON teachers (tenant_id, name, id) INCLUDE (org_id)`);
    await q.query(`DROP INDEX teachers_list_name_pinyin`);
    await q.query(`DROP COLLATION guanai_pinyin`);
  }
}
