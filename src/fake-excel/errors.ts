/**
 * Errors the fake Excel raises, shaped like office.js's `OfficeExtension.Error`: a `code` a program matches on
 * (ItemNotFound, PropertyNotLoaded, InvalidArgument, AccessDenied, ...), a message and `debugInfo`.
 */
export type FakeErrorCode =
  | 'PropertyNotLoaded'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidReference'
  | 'AccessDenied'
  | 'GeneralException'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'InvalidObjectPath';

export class FakeExcelError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: FakeErrorCode | string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function propertyNotLoaded(property: string): FakeExcelError {
  return new FakeExcelError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function itemNotFound(what: string): FakeExcelError {
  return new FakeExcelError('ItemNotFound', `The requested resource doesn't exist. (${what})`);
}

export function invalidArgument(message: string): FakeExcelError {
  return new FakeExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. ${message}`);
}
