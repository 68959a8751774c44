/** The environment does not satisfy the schema. The message names every bad variable. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(
    message: string,
    readonly issues: { variable: string; problem: string }[],
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}
