import { changeNotificationFixture } from '../test/change-notification.fixture';
import { changeDetectedBody, changeDetectedEvent } from './webhook-payload';

describe('the change.detected body', () => {
  it('is byte for byte the serialised event, at each time it is asked for', () => {
    const n = changeNotificationFixture({ summary: 'Quotes " and \\ and ünïcödé\n' });
    const body = changeDetectedBody(n);
    for (const now of [new Date('2026-11-25T10:00:00.000Z'), new Date('2027-01-01T00:00:00.123Z')])
      expect(body(now)).toBe(JSON.stringify(changeDetectedEvent(n, now)));
    expect(JSON.parse(body())).toMatchObject({
      type: 'change.detected',
      data: { change: { id: n.changeId } },
    });
  });
});
