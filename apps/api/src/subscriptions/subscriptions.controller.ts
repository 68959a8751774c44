import { Body, Controller, Get, HttpCode, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { type Request, type Response } from 'express';
import { type z } from 'zod';

import { createSubscriptionSchema, tokenQuery } from '@fineprint/contracts';

import { messagePage } from '../common/message-page';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { SubscriptionsService } from './subscriptions.service';

const wantsHtml = (req: Request) => (req.headers.accept ?? '').includes('text/html');

@ApiTags('subscriptions')
@Controller('api/v1/subscriptions')
@UseGuards(ThrottlerGuard)
@Throttle({ default: { limit: 10, ttl: 60_000 } })
export class SubscriptionsController {
  constructor(private readonly service: SubscriptionsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Subscribe an email address (double opt-in: a confirmation email is sent)' })
  async subscribe(
    @Body(new ZodValidationPipe(createSubscriptionSchema)) body: z.output<typeof createSubscriptionSchema>,
  ) {
    await this.service.subscribe(body);
    return {
      status: 'accepted',
      message: 'If this address can receive mail, a confirmation link is on its way.',
    };
  }

  @Get('confirm')
  @ApiOperation({ summary: 'Confirm a subscription with the single-use token from the email' })
  async confirm(
    @Query(new ZodValidationPipe(tokenQuery)) query: z.output<typeof tokenQuery>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const ok = await this.service.confirm(query.token);
    const status = ok ? 200 : 404;
    const message = ok
      ? 'Your subscription is confirmed. You will hear about changes in the scope you chose.'
      : 'This link is not valid any more (it was used, or a newer one was sent).';
    if (wantsHtml(req))
      res
        .status(status)
        .type('html')
        .send(messagePage(ok ? 'Subscription confirmed' : 'Link not valid', message));
    else res.status(status).json(ok ? { status: 'confirmed' } : { error: 'not_found', message });
  }

  @Get('unsubscribe')
  @ApiOperation({ summary: 'A page with a button to unsubscribe (nothing changes on GET)' })
  unsubscribePage(
    @Query(new ZodValidationPipe(tokenQuery)) query: z.output<typeof tokenQuery>,
    @Res() res: Response,
  ) {
    res.type('html').send(
      messagePage('Unsubscribe', 'Stop receiving these Fineprint emails?', {
        action: `/api/v1/subscriptions/unsubscribe?token=${encodeURIComponent(query.token)}`,
        button: 'Unsubscribe',
      }),
    );
  }

  @Post('unsubscribe')
  @ApiOperation({ summary: 'Unsubscribe; also the RFC 8058 one-click target (List-Unsubscribe-Post)' })
  async unsubscribe(
    @Query(new ZodValidationPipe(tokenQuery)) query: z.output<typeof tokenQuery>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const ok = await this.service.unsubscribe(query.token);
    const status = ok ? 200 : 404;
    const message = ok
      ? 'You are unsubscribed. No more emails will be sent for this subscription.'
      : 'This link is not valid.';
    if (wantsHtml(req))
      res
        .status(status)
        .type('html')
        .send(messagePage(ok ? 'Unsubscribed' : 'Link not valid', message));
    else res.status(status).json(ok ? { status: 'unsubscribed' } : { error: 'not_found', message });
  }
}
