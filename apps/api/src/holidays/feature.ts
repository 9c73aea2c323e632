import type { Provider, Type } from '@nestjs/common';
import { HolidaysController } from './holidays.controller';
import { HolidaysService } from './holidays.service';

/** What this capability adds to the API module. */
export const holidaysFeature: { controllers: Type[]; providers: Provider[] } = {
  controllers: [HolidaysController],
  providers: [HolidaysService],
};
