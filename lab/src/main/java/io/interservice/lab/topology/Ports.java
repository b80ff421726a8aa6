package io.interservice.lab.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on 127.0.0.1. */
public final class Ports {
  private Ports() {}

  /** A port {@code p} such that {@code p} and {@code p + offset} were free a moment ago. */
  public static int freeWith(int offset) {
    for (int i = 0; i < 100; i++) {
      int p = free();
      if (p + offset <= 65535 && isFree(p + offset)) {
        return p;
      }
    }
    throw new IllegalStateException("no free pair of ports " + offset + " apart on 127.0.0.1");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return socket.isBound();
    } catch (IOException e) {
      return false;
    }
  }

  /** A port that was free a moment ago. */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }
}
