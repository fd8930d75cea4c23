import { createHash } from 'node:crypto';

/**
 * The manifest `key` of test builds (not release builds, see wxt.config.ts), so the extension's id
 * is known before Chromium starts: an OAuth redirect URI (https://<id>.chromiumapp.org/) and CORS
 * origin must be registered at the test identity provider in advance. A public key only (made once
 * with openssl); nothing is signed with it and no private key exists anywhere.
 */
export const TEST_EXTENSION_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsAWGBjWoe7oreLR4AJZi0YF3XpCA71l8HrKcuFQuZqSGr/rYjnFBwy1c0L8NZaLRFMC7FO4c5p9PTCFpaBrT2yzOGjMN3XNA8jOGx6LwG2w3ju+Cik7dm2clNhE9zUHlviuZhAqnmlpDEySVvooDUdu+TAcHOYa7CjMyYp6m16ZI/BbrN8y3HBb4vV101s99xQ2EDD+cGpmplBTE4v9Hwu3rORQZo7fm7rX8Wka9iUGKqeh1dpTKE3vje01tNeHwwTYqjCdrBqp/c+1qreQ8/A1snYqJj/QnLSudkmVUv33JS9xwWgsrVHdyelnC1LjZazvFyygnaZXcJ7JKw9vPwQIDAQAB';

/** Chromium's id for a key: the first 128 bits of SHA-256 of the public key, as letters a–p. */
export function extensionIdOfKey(base64Der: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Der, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

export const TEST_EXTENSION_ID = extensionIdOfKey(TEST_EXTENSION_KEY);
