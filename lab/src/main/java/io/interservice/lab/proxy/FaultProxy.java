package io.interservice.lab.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy on 127.0.0.1 in front of one of the owner's endpoints (HTTP, gRPC, later a broker),
 * through which the lab injects latency, resets and black holes ({@link NetworkBehavior}) without
 * any hook in the service. Seeded: the same seed affects the same connections. {@link #close()}
 * closes the listener and every connection.
 */
public final class FaultProxy implements AutoCloseable {
  private static final int CHUNK = 16 * 1024;

  /** A chunk to pass on, and when (in {@link System#nanoTime()}). */
  private record Chunk(byte[] bytes, long due) {}

  private final ServerSocket listener;
  private final InetSocketAddress upstream;
  private final SplittableRandom random;
  private final AtomicReference<NetworkBehavior> behavior =
      new AtomicReference<>(NetworkBehavior.NORMAL);
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;

  private FaultProxy(int upstreamPort, long seed) throws IOException {
    this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort);
    this.random = new SplittableRandom(seed);
    this.acceptor = Thread.ofPlatform().daemon().name("proxy-" + upstreamPort).start(this::accept);
  }

  /** A proxy on a free loopback port passing everything to 127.0.0.1:{@code upstreamPort}. */
  public static FaultProxy start(int upstreamPort, long seed) {
    try {
      return new FaultProxy(upstreamPort, seed);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a proxy to port " + upstreamPort, e);
    }
  }

  /** The port it listens on. */
  public int port() {
    return listener.getLocalPort();
  }

  /** From now on, behave as {@code b} (connections already open included). */
  public void behave(NetworkBehavior b) {
    behavior.set(b);
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        double draw;
        synchronized (random) {
          draw = random.nextDouble();
        }
        Thread.ofVirtual().start(() -> connect(client, draw));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void connect(Socket client, double draw) {
    Socket server = new Socket();
    open.add(client);
    open.add(server);
    try {
      server.connect(upstream, 2000);
      client.setTcpNoDelay(true);
      server.setTcpNoDelay(true);
    } catch (IOException e) {
      closeBoth(client, server, true);
      return;
    }
    pipe(client, server, draw, false);
    pipe(server, client, draw, true);
  }

  /** Passes {@code from}'s bytes to {@code to}; {@code answers} marks the owner's direction. */
  private void pipe(Socket from, Socket to, double draw, boolean answers) {
    BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    Thread.ofVirtual()
        .start(() -> {
          byte[] buffer = new byte[CHUNK];
          try (InputStream in = from.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
              NetworkBehavior b = behavior.get();
              boolean affected = b.affects(draw);
              if (affected && b.reset()) {
                closeBoth(from, to, true);
                return;
              }
              if (affected && b.blackhole()) {
                continue;
              }
              long delay = affected && answers ? b.delay().toNanos() : 0;
              queue.add(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime() + delay));
            }
          } catch (IOException e) {
            // the connection ended
          }
          queue.add(new Chunk(new byte[0], 0));
        });
    Thread.ofVirtual()
        .start(() -> {
          try (OutputStream out = to.getOutputStream()) {
            while (true) {
              Chunk c = queue.take();
              if (c.bytes().length == 0) {
                break;
              }
              long wait = c.due() - System.nanoTime();
              if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
              }
              out.write(c.bytes());
              out.flush();
            }
          } catch (IOException | InterruptedException e) {
            // the connection ended
          }
          closeBoth(from, to, false);
        });
  }

  private void closeBoth(Socket a, Socket b, boolean reset) {
    for (Socket s : new Socket[] {a, b}) {
      try {
        if (reset && !s.isClosed()) {
          s.setSoLinger(true, 0); // close with RST
        }
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
      open.remove(s);
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    open.clear();
    acceptor.interrupt();
  }
}
