import { findHandlerCoverageProblems } from './handler-coverage';

const catalog = {
  check: ['check-document'],
  diff: ['diff-version'],
  notify: [],
  deliver: [],
  system: ['ping'],
};

describe('findHandlerCoverageProblems', () => {
  it('accepts exactly one handler per job of the served queues', () => {
    expect(
      findHandlerCoverageProblems(
        [
          { queue: 'check', name: 'check-document' },
          { queue: 'system', name: 'ping' },
        ],
        ['check', 'system'],
        catalog,
      ),
    ).toEqual([]);
  });

  it('names a job without a handler and a job with two', () => {
    expect(
      findHandlerCoverageProblems(
        [
          { queue: 'system', name: 'ping' },
          { queue: 'system', name: 'ping' },
        ],
        ['check', 'system'],
        catalog,
      ),
    ).toEqual(['check/check-document has no handler', 'system/ping has 2 handlers']);
  });

  it('names a handler for a job nobody declared', () => {
    expect(findHandlerCoverageProblems([{ queue: 'diff', name: 'bogus' }], [], catalog)).toEqual([
      'diff/bogus is handled but not declared in JOB_CATALOG',
    ]);
  });
});
