// `__proto__` and other Object.prototype names as a file argument are refused as invalid input (issue 20, item 13).
import { describe, expect, it } from 'vitest';
import { resolveInputs } from '../../src-main/engine/executor/resolve-inputs';
import { findTaskType } from '../../src-shared/tasks';

describe('file arguments named like Object.prototype members', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('"%s" is not a file the user gave', (name) => {
    const result = resolveInputs(findTaskType('image-classification')!, { image: name }, {
      userResources: {},
      outputsOf: () => undefined,
      isUpstream: () => false,
    });
    expect(result).toEqual({ ok: false, error: { kind: 'invalid-input', message: `input "image": "${name}" is not a file you gave in this conversation`, retriable: false } });
  });
});
