/** An outbound connection was refused because its address is not public. */
export class PrivateAddressError extends Error {
  readonly code = 'PRIVATE_ADDRESS';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      `Refusing to connect to ${host} (${address}): private, loopback, link-local and metadata addresses ` +
        'are blocked. Set ALLOW_PRIVATE_NETWORKS=true to allow them.',
    );
    this.name = 'PrivateAddressError';
  }
}
