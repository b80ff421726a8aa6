package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.interservice.lab.technique.Techniques;
import io.interservice.lab.topology.Processes;
import io.interservice.lab.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyTest {

  @Test
  void closingTheTopologyStopsEveryProcessItStarted() throws Exception {
    Path run = Files.createTempDirectory(Lab.runs(), "topology-");
    List<Long> pids;
    try (Topology topology =
        Topology.start(
            new Topology.Options(
                Lab.home(),
                run,
                0,
                0,
                Techniques.named(List.of("direct")).get(0),
                List.of(),
                10,
                1,
                false),
            null,
            null)) {
      pids = new java.util.ArrayList<>(topology.postgresPids());
      assertThat(pids).as("a database server per service").hasSize(2);
      pids.add(topology.catalog().pid());
      pids.add(topology.checkout().pid());
      assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isPresent());
      assertThat(Files.readString(run.resolve("catalog.log")))
          .contains("catalog listening on")
          .as("the JVM reports no error at start (the cluster's JDK openings are for members only)")
          .doesNotContain("[error]");
      assertThat(run.resolve("checkout.gc.log"))
          .as("each service's collections, beside its log")
          .isNotEmptyFile();
    }
    for (long pid : pids) {
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
          .as("pid " + pid)
          .isNotEqualTo(java.util.Optional.of(true));
    }
    assertThat(Processes.alive()).doesNotContainAnyElementsOf(pids);
  }
}
