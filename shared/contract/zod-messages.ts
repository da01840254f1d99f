import { z } from 'zod';
import { withParams } from './result.ts';

// Every zod message becomes an i18n key, so a rule broken in the form and the
// same rule broken at the main-process boundary read the same to the user.
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null || issue.input === '' ? 'errors.required' : 'errors.invalid_type';
      case 'too_small':
        if (issue.origin === 'string') return issue.minimum === 1 ? 'errors.required' : withParams('errors.too_short', { min: Number(issue.minimum) });
        if (issue.origin === 'array') return withParams('errors.too_few', { min: Number(issue.minimum) });
        return withParams('errors.too_small', { min: Number(issue.minimum) });
      case 'too_big':
        if (issue.origin === 'string') return withParams('errors.too_long', { max: Number(issue.maximum) });
        if (issue.origin === 'array') return withParams('errors.too_many', { max: Number(issue.maximum) });
        return withParams('errors.too_big', { max: Number(issue.maximum) });
      case 'invalid_format':
        return issue.format === 'date' ? 'errors.date' : issue.format === 'email' ? 'errors.email' : 'errors.format';
      case 'invalid_value':
        return 'errors.choice';
      case 'unrecognized_keys':
        return 'errors.unknown_field';
      default:
        return 'errors.invalid';
    }
  },
});

export { z };
