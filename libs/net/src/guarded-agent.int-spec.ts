import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { request } from 'undici';

import { createGuardedAgent } from './guarded-agent';
import { PrivateAddressError } from './net.errors';
import { isPrivateAddress } from './private-address';

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.100.1.1', true],
    ['::1', true],
    ['fe80::1', true],
    ['fd00::1', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', true],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['2606:4700::1111', false],
    ['not-an-ip', true],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe('createGuardedAgent', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((_req, res) => res.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('refuses a loopback literal unless private networks are allowed', async () => {
    const agent = createGuardedAgent({ allowPrivateNetworks: false });
    await expect(request(`http://127.0.0.1:${port}/`, { dispatcher: agent })).rejects.toBeInstanceOf(
      PrivateAddressError,
    );
    await agent.close();
  });

  it('refuses a host name that resolves to loopback (checked on the resolved address)', async () => {
    const agent = createGuardedAgent({ allowPrivateNetworks: false });
    await expect(request(`http://localhost:${port}/`, { dispatcher: agent })).rejects.toBeInstanceOf(
      PrivateAddressError,
    );
    await agent.close();
  });

  it('connects when private networks are allowed', async () => {
    const agent = createGuardedAgent({ allowPrivateNetworks: true });
    const response = await request(`http://127.0.0.1:${port}/`, { dispatcher: agent });
    expect(await response.body.text()).toBe('hello');
    await agent.close();
  });
});
