package io.interservice.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerMainTest {

  @Test
  void aClusterIdThatBeginsWithADashIsFormattedNotTakenForAnOption(@TempDir Path dir)
      throws Exception {
    // base64url ids begin with '-' one time in 64: such an id once failed a test run's broker
    String clusterId = "-AbCdEfGhIjKlMnOpQrStu";

    BrokerMain.configure(
        Map.of(
            "dir", dir.toString(),
            "node-id", "1",
            "port", "19092",
            "controller-port", "19093",
            "cluster-id", clusterId));

    assertThat(dir.resolve("data").resolve("meta.properties"))
        .content()
        .contains("cluster.id=" + clusterId);
    assertThat(Files.readString(dir.resolve("server.properties"))).contains("node.id=1");
  }
}
