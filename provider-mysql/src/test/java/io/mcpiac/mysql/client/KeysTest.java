package io.mcpiac.mysql.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Ids read back into what they name, whatever characters the names hold. */
class KeysTest {
  @Test
  void accountsAndGrantsRoundTrip() {
    String user = "o'brien\\x";
    String host = "10.0.%";
    String account = Sql.account(user, host);
    assertThat(Keys.account(account)).contains(new Keys.Account(user, host));
    String grant = account + " ON " + Sql.level("we`ird.db", "*");
    assertThat(Keys.grant(grant))
        .contains(new Keys.Grant(new Keys.Account(user, host), "we`ird.db", "*"));
    assertThat(Keys.grant(account + " ON *.*"))
        .contains(new Keys.Grant(new Keys.Account(user, host), "*", "*"));
  }

  @Test
  void anythingElseIsNoKey() {
    assertThat(Keys.account("8b1f0d3e-uuid")).isEmpty();
    assertThat(Keys.account("'a'@'b' trailing")).isEmpty();
    assertThat(Keys.grant("'a'@'b'")).isEmpty();
    assertThat(Keys.grant("'a'@'b' ON `db")).isEmpty();
  }
}
