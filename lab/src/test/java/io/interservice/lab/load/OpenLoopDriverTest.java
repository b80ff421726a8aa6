package io.interservice.lab.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenLoopDriverTest {

  @Test
  void aFailureIsNamedByItsStatusAndTheProblemsReason() {
    String body =
        "{\"type\":\"about:blank\",\"status\":503,\"reason\":\"circuit_open\",\"owner\":\"catalog\"}";

    assertThat(OpenLoopDriver.failure(503, body)).isEqualTo("503 circuit_open");
  }

  @Test
  void withoutAReasonTheProblemsTypeNamesItAndWithoutAProblemTheStatusAlone() {
    assertThat(OpenLoopDriver.failure(422, "{\"type\":\"unknown-skus\",\"status\":422}"))
        .isEqualTo("422 unknown-skus");
    assertThat(OpenLoopDriver.failure(500, "oops")).isEqualTo("500");
  }

  @Test
  void theOrderIdIsReadFromAnAcknowledgement() {
    assertThat(
            OpenLoopDriver.orderId(
                    "{\"id\":\"5f1c0c1e-8d4e-4b8a-9d8e-0c1a2b3c4d5e\",\"status\":\"confirmed\"}")
                .toString())
        .isEqualTo("5f1c0c1e-8d4e-4b8a-9d8e-0c1a2b3c4d5e");
  }
}
