import { describe, expect, it } from 'vitest';
import { maskError } from './errors.js';

describe('maskError', () => {
  it('keeps errors with a known code and drops stack traces', () => {
    const masked = maskError({ message: 'first moet tussen 0 en 500 liggen', extensions: { code: 'BAD_USER_INPUT', stacktrace: ['at x'] } });
    expect(masked).toEqual({ message: 'first moet tussen 0 en 500 liggen', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('replaces anything unexpected (a SQL error) by a plain internal error and logs the original', () => {
    const logged: unknown[] = [];
    const masked = maskError(
      { message: 'relation "wmo.toewijzing" does not exist', path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      (_message, error) => logged.push(error),
    );
    expect(masked.message).not.toContain('relation');
    expect(masked.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(masked.path).toEqual(['x']);
    expect(logged).toHaveLength(1);
  });
});
