// The rule for text no store keeps (NUL, unpaired surrogates), for the API's JSON parser: the domain's
// rule, passed on here because the API reads the domain only through the contract and the use cases.
export { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '../domain/text/storable.ts';
