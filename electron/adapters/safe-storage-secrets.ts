import { safeStorage } from 'electron';
import type { SecretCodec } from '../services/pacs/secret-store.ts';

/**
 * Archive passwords sealed by the operating system's keychain (Keychain, DPAPI, libsecret/kwallet).
 * Null where the OS offers no encryption (then the owner-only file store is used unsealed).
 */
export function safeStorageCodec(): SecretCodec | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  };
}
