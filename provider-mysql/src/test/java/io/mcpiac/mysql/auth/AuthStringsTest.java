package io.mcpiac.mysql.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The hashes MariaDB 10.11 itself stored for {@code CREATE USER … IDENTIFIED BY 's3cret pw'} and
 * {@code … IDENTIFIED VIA ed25519 USING PASSWORD('s3cret pw')} (read from {@code mysql.user}), and
 * RFC 8032's first test key (an empty message's seed is 32 bytes, so a 32-byte "password" gives the
 * standard public key).
 */
class AuthStringsTest {
  @Test
  void nativePasswordIsTheServersHash() {
    assertThat(AuthStrings.nativePassword("s3cret pw"))
        .isEqualTo("*25500C16B5B272E41DFF692C524AE471375C4FA5");
    assertThat(AuthStrings.of("MYSQL_NATIVE_PASSWORD", "s3cret pw"))
        .contains("*25500C16B5B272E41DFF692C524AE471375C4FA5");
  }

  @Test
  void ed25519IsTheServersKey() {
    assertThat(AuthStrings.ed25519("s3cret pw"))
        .isEqualTo("geBKIlEvpQD1gtKZkEY5Woqa8zfoYDEkILcHEQdPlQo");
    assertThat(AuthStrings.ed25519("the configured one"))
        .isNotEqualTo(AuthStrings.ed25519("s3cret pw"));
  }

  @Test
  void aSaltedPluginCannotBeComputed() {
    assertThat(AuthStrings.of("caching_sha2_password", "x")).isEmpty();
  }
}
