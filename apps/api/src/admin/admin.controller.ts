import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';

import { QueueProducer } from '@fineprint/queue';

import { AdminGuard } from '../common/admin.guard';

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(AdminGuard)
@Controller('api/v1/admin')
export class AdminController {
  constructor(private readonly queues: QueueProducer) {}

  @Get('queues')
  @ApiOperation({ summary: 'Jobs per queue and state (waiting, active, delayed, failed, completed)' })
  status() {
    return this.queues.counts();
  }
}
