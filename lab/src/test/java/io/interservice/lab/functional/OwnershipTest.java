package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each service's role owns its schema and cannot touch the other's. */
class OwnershipTest {
  private static Scenario scenario;

  @BeforeAll
  static void start() {
    scenario = Scenario.start(OwnershipTest.class);
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  private static Connection as(String role) throws SQLException {
    return DriverManager.getConnection(
        scenario.database.serviceUrl(), role, scenario.database.password(role));
  }

  @Test
  void checkoutsRoleIsDeniedCatalogsTables() throws SQLException {
    try (Connection c = as("checkout");
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SELECT price FROM catalog.products"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
    }
  }

  @Test
  void catalogsRoleIsDeniedCheckoutsTables() throws SQLException {
    try (Connection c = as("catalog");
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SELECT * FROM checkout.orders"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
    }
  }

  @Test
  void eachRoleReadsItsOwnTables() throws SQLException {
    try (Connection c = as("catalog");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM catalog.products")) {
      r.next();
      assertThat(r.getLong(1)).isEqualTo(Scenario.PRODUCTS);
    }
  }
}
