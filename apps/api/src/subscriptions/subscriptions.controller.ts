import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { type Request, type Response } from 'express';
import { type z } from 'zod';

import { createSubscriptionSchema, tokenQuery } from '@fineprint/contracts';

import { messagePage, sendMessagePage } from '../common/message-page';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { SubscriptionsService } from './subscriptions.service';

const wantsHtml = (req: Request) => (req.headers.accept ?? '').includes('text/html');
const NOT_VALID = 'This link is not valid any more (it was used, or a newer one was sent).';

@ApiTags('subscriptions')
@Controller('api/v1/subscriptions')
@Throttle({ default: { limit: 10, ttl: 60_000 } })
export class SubscriptionsController {
  constructor(private readonly service: SubscriptionsService) {}

  @Post()
  @HttpCode(202)
  // per client address, on top of the per-mailbox daily limit applied by the worker
  @Throttle({ default: { limit: 5, ttl: 60_000 }, hour: { limit: 20, ttl: 3_600_000 } })
  @ApiOperation({
    summary:
      'Subscribe an email address (double opt-in: a confirmation email is sent). The answer is the same, and as fast, whatever the address',
  })
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
  @ApiOperation({
    summary:
      'The page a confirmation link opens: a button that confirms by POST (nothing changes on GET, so mail scanners confirm nothing)',
  })
  async confirmPage(
    @Query(new ZodValidationPipe(tokenQuery)) query: z.output<typeof tokenQuery>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const pending = await this.service.isPendingConfirmation(query.token);
    if (!wantsHtml(req)) {
      res
        .status(pending ? 200 : 404)
        .json(pending ? { status: 'pending' } : { error: 'not_found', message: NOT_VALID });
      return;
    }
    sendMessagePage(
      res,
      pending ? 200 : 404,
      pending
        ? messagePage(
            'Confirm your subscription',
            'Start receiving Fineprint emails for the scope you chose?',
            {
              action: `/api/v1/subscriptions/confirm?token=${encodeURIComponent(query.token)}`,
              button: 'Confirm subscription',
            },
          )
        : messagePage('Link not valid', NOT_VALID),
    );
  }

  @Post('confirm')
  @ApiOperation({ summary: 'Confirm a subscription with the single-use token from the email' })
  async confirm(
    @Query(new ZodValidationPipe(tokenQuery)) query: z.output<typeof tokenQuery>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const ok = await this.service.confirm(query.token);
    const status = ok ? 200 : 404;
    if (wantsHtml(req))
      sendMessagePage(
        res,
        status,
        ok
          ? messagePage(
              'Subscription confirmed',
              'Your subscription is confirmed. You will hear about changes in the scope you chose.',
            )
          : messagePage('Link not valid', NOT_VALID),
      );
    else res.status(status).json(ok ? { status: 'confirmed' } : { error: 'not_found', message: NOT_VALID });
  }

  @Get('unsubscribe')
  @ApiOperation({ summary: 'A page with a button to unsubscribe (nothing changes on GET)' })
  unsubscribePage(
    @Query(new ZodValidationPipe(tokenQuery)) query: z.output<typeof tokenQuery>,
    @Res() res: Response,
  ) {
    sendMessagePage(
      res,
      200,
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
      sendMessagePage(res, status, messagePage(ok ? 'Unsubscribed' : 'Link not valid', message));
    else res.status(status).json(ok ? { status: 'unsubscribed' } : { error: 'not_found', message });
  }
}
