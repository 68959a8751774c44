/**
 * An endpoint is disabled once its run of consecutive failed deliveries reaches the
 * threshold (WEBHOOK_DISABLE_AFTER); any success resets the run. See docs/webhooks.md.
 */
export function shouldDisable(consecutiveFailures: number, threshold: number): boolean {
  return consecutiveFailures >= threshold;
}
