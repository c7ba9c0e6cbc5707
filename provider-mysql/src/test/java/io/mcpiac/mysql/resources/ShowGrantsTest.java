package io.mcpiac.mysql.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SHOW GRANTS lines as MariaDB 10.11 and MySQL 8 print them. */
class ShowGrantsTest {
  @Test
  void levelsPrivilegesAndGrantOption() {
    Map<String, ShowGrants.Level> levels =
        ShowGrants.parse(
            List.of(
                "GRANT USAGE ON *.* TO `t3`@`%` IDENTIFIED BY PASSWORD '*B69027D44F6E5EDC07F1AEAD1477967B16F28227' WITH MAX_USER_CONNECTIONS 3",
                "GRANT SELECT, INSERT ON `app`.* TO `t3`@`%` WITH GRANT OPTION",
                "GRANT ALL PRIVILEGES ON `app2`.* TO `t3`@`%`",
                "GRANT SELECT (id, name), UPDATE ON `we``ird`.`orders` TO `t3`@`%`",
                "GRANT EXECUTE ON PROCEDURE `app`.`p` TO `t3`@`%`",
                "GRANT `reporting` TO `t3`@`%`"));
    assertThat(levels.get(ShowGrants.key("*", "*")).privileges()).isEmpty();
    assertThat(levels.get(ShowGrants.key("*", "*")).empty()).isTrue();
    assertThat(levels.get(ShowGrants.key("app", "*")).privileges())
        .containsExactly("INSERT", "SELECT");
    assertThat(levels.get(ShowGrants.key("app", "*")).grantOption()).isTrue();
    assertThat(levels.get(ShowGrants.key("app2", "*")).privileges())
        .containsExactly("ALL PRIVILEGES");
    // the column privilege is not the table's; the routine and the role are no levels here
    assertThat(levels.get(ShowGrants.key("we`ird", "orders")).privileges())
        .containsExactly("UPDATE");
    assertThat(levels).hasSize(4);
  }

  @Test
  void mysqlPrintsDynamicPrivilegesOnALineOfTheirOwn() {
    Map<String, ShowGrants.Level> levels =
        ShowGrants.parse(
            List.of(
                "GRANT PROCESS ON *.* TO `ops`@`%`",
                "GRANT BACKUP_ADMIN,CONNECTION_ADMIN ON *.* TO `ops`@`%`"));
    assertThat(levels.get(ShowGrants.key("*", "*")).privileges())
        .containsExactly("BACKUP_ADMIN", "CONNECTION_ADMIN", "PROCESS");
  }
}
