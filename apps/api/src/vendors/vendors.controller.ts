import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { VendorRepository } from '@fineprint/db';

import { NotFoundError } from '../common/api.errors';
import { presentVendor } from '../documents/document.presenter';

@ApiTags('vendors')
@Controller('api/v1/vendors')
export class VendorsController {
  constructor(private readonly vendors: VendorRepository) {}

  @Get()
  @ApiOperation({ summary: 'Vendors with the number of documents tracked' })
  async list() {
    const rows = await this.vendors.list();
    return { items: rows.map((v) => ({ ...presentVendor(v), documents: v._count.documents })) };
  }

  @Get(':slug')
  @ApiOperation({ summary: 'One vendor' })
  async get(@Param('slug') slug: string) {
    const vendor = await this.vendors.findBySlug(slug);
    if (!vendor) throw new NotFoundError('Vendor', slug);
    return presentVendor(vendor);
  }
}
