package io.mcpiac.mysql.client;

import java.nio.file.Path;

/**
 * Where one provider instance connects and as whom. The password is never a setting: it comes from
 * the environment or a file (see {@code MysqlProviderFactory}), and is held here only to connect.
 *
 * @param instance {@code mysql} or {@code mysql/reports}, for messages
 * @param passwordSource where the password came from, for messages ({@code $MYSQL_PWD}); null when
 *     there is none
 * @param sslMode the MariaDB driver's {@code sslMode}: disable, trust, verify-ca, verify-full
 * @param serverCaFile a CA certificate file to verify the server with (verify-ca, verify-full)
 */
public record MysqlSettings(
    String instance,
    String host,
    int port,
    String user,
    String password,
    String passwordSource,
    String database,
    String sslMode,
    Path serverCaFile,
    int connectTimeoutSeconds,
    int lockWaitTimeoutSeconds) {

  /** Where the instance points, for messages: {@code mysql://app@db.lan:3306}. */
  public String endpoint() {
    return "mysql://" + user + "@" + host + ":" + port + (database == null ? "" : "/" + database);
  }

  public String jdbcUrl() {
    StringBuilder url =
        new StringBuilder("jdbc:mariadb://")
            .append(host.contains(":") ? "[" + host + "]" : host)
            .append(':')
            .append(port)
            .append('/')
            .append(database == null ? "" : database)
            .append("?connectTimeout=")
            .append(connectTimeoutSeconds * 1000)
            .append("&sslMode=")
            .append(sslMode);
    if (serverCaFile != null) {
      url.append("&serverSslCert=").append(serverCaFile);
    }
    return url.toString();
  }

  @Override
  public String toString() {
    // records print every component: keep the password out of logs and exceptions
    return "MysqlSettings[" + endpoint() + ", sslMode=" + sslMode + "]";
  }
}
