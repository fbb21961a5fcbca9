/**
 * Secrets at rest: the {@link app.chorus.shared.crypto.MasterKey} (a Tink AES-256-GCM keyset in a file outside the
 * database) seals tokens and second-factor secrets before any module stores them, and key rotation re-seals every
 * secret through the {@link app.chorus.shared.crypto.Reencrypting} stores.
 */
@NullMarked
package app.chorus.shared.crypto;

import org.jspecify.annotations.NullMarked;
