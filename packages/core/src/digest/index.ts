export { buildDigestMessage, digestSample } from './build-digest.ts';
export { DIGESTS } from './digests.ts';
export { DIGEST_TYPES, type DigestType, hasDigest } from './has-digest.ts';
export { type DigestInput, renderDigest } from './render-digest.ts';
export { type DigestSplit, splitDigest } from './split-digest.ts';
export { DEFAULT_DIGEST_TEMPLATE, type DigestDefinition, type DigestPart, type DigestSummary } from './types.ts';
