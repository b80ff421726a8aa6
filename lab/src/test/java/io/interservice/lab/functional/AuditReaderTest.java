package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.interservice.audit.AuditReader;
import io.interservice.audit.AuditResult;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The audit of one run on a database that already holds earlier runs' orders. */
class AuditReaderTest {

  private static UUID placed(Http.Answer answer) {
    assertThat(answer.status()).isEqualTo(201);
    return UUID.fromString(answer.json().get("id").asText());
  }

  @Test
  void anAuditClassifiesOnlyOrdersFromItsMarkButLooksForLostOnesAmongAll() throws Exception {
    try (Scenario scenario = Scenario.start(AuditReaderTest.class, "--technique", "direct")) {
      String db = scenario.database.adminUrl();
      UUID earlier = placed(scenario.checkoutHttp.order("SKU-00001", 1));
      Instant mark = AuditReader.now(db);
      UUID later = placed(scenario.checkoutHttp.order("SKU-00002", 1, "SKU-00003", 2));
      UUID neverStored = UUID.randomUUID();

      AuditResult audit = AuditReader.audit(db, List.of(earlier, later, neverStored), mark);

      assertThat(audit.lines())
          .as("the later order's two lines, not the earlier one's")
          .isEqualTo(2);
      assertThat(audit.current()).isEqualTo(2);
      assertThat(audit.corrupt()).isZero();
      assertThat(audit.lost()).as("only the order that was never stored").isEqualTo(1);
    }
  }
}
