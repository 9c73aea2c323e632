import { Controller, Get, Header } from '@nestjs/common';
import { buildOpenApi } from '@guanai/contracts';
import { Public } from '../common/route';

const document = buildOpenApi('1.0.0');

// Swagger UI from the swagger-ui-dist package, served by us (no CDN); the initialiser is its own file
// because the Content-Security-Policy allows no inline script.
const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Guanai 教师关爱平台 API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/docs/openapi.json', dom_id: '#swagger-ui', deepLinking: true,
  persistAuthorization: false });`;

@Controller()
export class OpenApiController {
  @Public()
  @Get('docs')
  @Header('Content-Type', 'text/html; charset=utf-8')
  page() {
    return PAGE;
  }

  @Public()
  @Get('docs/init.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  init() {
    return INIT;
  }

  /** The OpenAPI 3.1 document, generated from the zod contracts. */
  @Public()
  @Get('docs/openapi.json')
  json() {
    return document;
  }
}
