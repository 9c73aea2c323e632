import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Since when a teacher holds their position (任职时间). Leiyang 13 rotates principals and
 * vice-principals after two full terms leading one school, counted from this day.
 */
export class PositionSince1764150000000 implements MigrationInterface {
  name = 'PositionSince1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE teachers ADD COLUMN position_since date`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE teachers DROP COLUMN position_since`);
  }
}
