import type { Provider, Type } from '@nestjs/common';
import { SupervisionController } from './supervision.controller';
import { SupervisionService } from './supervision.service';

/** What this capability adds to the API module. */
export const supervisionFeature: { controllers: Type[]; providers: Provider[] } = {
  controllers: [SupervisionController],
  providers: [SupervisionService],
};
