package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.interservice.audit.AuditReader;
import io.interservice.audit.AuditResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit as the lab runs it, on a real database holding earlier runs' orders. */
class AuditReaderTest {
  private static Scenario scenario;

  @BeforeAll
  static void start() {
    scenario = Scenario.start(AuditReaderTest.class, "direct");
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  private static UUID placed(Http.Answer answer) {
    assertThat(answer.status()).isEqualTo(201);
    return UUID.fromString(answer.json().get("id").asText());
  }

  @Test
  void anAuditClassifiesOnlyOrdersFromItsMarkButLooksForLostOnesAmongAll() throws Exception {
    String db = scenario.database.adminUrl();
    UUID earlier = placed(scenario.checkoutHttp.order("SKU-00001", 1));
    Instant mark = AuditReader.now(db);
    UUID later = placed(scenario.checkoutHttp.order("SKU-00002", 1, "SKU-00003", 2));
    UUID neverStored = UUID.randomUUID();

    AuditResult audit = AuditReader.audit(db, List.of(earlier, later, neverStored), mark);

    assertThat(audit.lines()).as("the later order's two lines, not the earlier one's").isEqualTo(2);
    assertThat(audit.current()).isEqualTo(2);
    assertThat(audit.corrupt()).isZero();
    assertThat(audit.lost()).as("only the order that was never stored").isEqualTo(1);
  }

  @Test
  void anOrderCommittedWhileAPriceChangeWasNotYetCommittedUsedTheCurrentPrice() throws Exception {
    String db = scenario.database.adminUrl();
    assertThat(AuditReader.tracksCommits(db)).isTrue();
    Instant mark = AuditReader.now(db);
    UUID order;
    try (Connection change = DriverManager.getConnection(db);
        Statement s = change.createStatement()) {
      // the history rows of a price change, timestamped now, committed only after the order
      change.setAutoCommit(false);
      s.execute(
          "UPDATE catalog.price_history SET valid_to = clock_timestamp()"
              + " WHERE sku = 'SKU-00005' AND valid_to IS NULL");
      s.execute(
          "INSERT INTO catalog.price_history (sku, version, price, currency, valid_from)"
              + " SELECT sku, version + 1, price + 1, currency, clock_timestamp()"
              + " FROM catalog.products WHERE sku = 'SKU-00005'");
      order = placed(scenario.checkoutHttp.order("SKU-00005", 1));
      change.commit();
    }

    AuditResult audit = AuditReader.audit(db, List.of(order), mark);

    assertThat(audit.current()).as("current when the order committed").isEqualTo(1);
    assertThat(audit.stale()).isZero();
  }
}
