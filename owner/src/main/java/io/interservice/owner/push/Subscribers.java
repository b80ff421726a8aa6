package io.interservice.owner.push;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The registry of push subscribers, in the owner's {@code subscribers} table. Registering a name
 * again gives it a new secret and callback and makes its dead deliveries due again. Thread-safe.
 */
public final class Subscribers {
  private final DataSource db;
  private final SecureRandom secrets = new SecureRandom();
  private final Runnable wake;

  /** The registry in {@code db}; {@code wake} tells the deliverer that deliveries are due. */
  public Subscribers(DataSource db, Runnable wake) {
    this.db = db;
    this.wake = wake;
  }

  /** Registers {@code name} (again) with a new secret. */
  public Subscriber register(String name, String callbackUrl) throws SQLException {
    byte[] key = new byte[32];
    secrets.nextBytes(key);
    String secret = HexFormat.of().formatHex(key);
    Subscriber subscriber;
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO subscribers (id, name, callback_url, secret) VALUES (?, ?, ?, ?)"
                  + " ON CONFLICT (name) DO UPDATE SET callback_url = excluded.callback_url,"
                  + " secret = excluded.secret RETURNING id")) {
        s.setObject(1, UUID.randomUUID());
        s.setString(2, name);
        s.setString(3, callbackUrl);
        s.setString(4, secret);
        UUID id;
        try (ResultSet r = s.executeQuery()) {
          r.next();
          id = r.getObject(1, UUID.class);
        }
        Deliverer.redeliver(c, java.util.Set.of(id));
        c.commit();
        subscriber = new Subscriber(id, name, callbackUrl, secret);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
    wake.run();
    return subscriber;
  }
}
