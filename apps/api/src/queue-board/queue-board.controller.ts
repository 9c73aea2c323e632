import { Controller } from '@nestjs/common';
import { Route } from '../common/route';
import { RequestContext } from '../common/request-context';
import { QueueBoard } from './queue-board';

@Controller()
export class QueueBoardController {
  constructor(
    private readonly board: QueueBoard,
    private readonly ctx: RequestContext,
  ) {}

  @Route('queueBoardTicket')
  ticket() {
    return this.board.ticket(this.ctx.principal.userId);
  }
}
