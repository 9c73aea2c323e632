import { Controller, Get, Header } from '@nestjs/common';
import { buildOpenApi } from '@guanai/contracts';
import { Public } from '../common/route';

const document = buildOpenApi('1.0.0');

@Controller()
export class OpenApiController {
  /** The OpenAPI 3.1 document, generated from the zod contracts. */
  @Public()
  @Get('docs')
  @Header('Content-Type', 'application/json; charset=utf-8')
  docs() {
    return document;
  }

  @Public()
  @Get('docs/openapi.json')
  json() {
    return document;
  }
}
