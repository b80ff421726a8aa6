package io.interservice.service.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the scenario's identities into a directory only its owner may enter: a key for catalog,
 * for checkout and for the authority that vouches for operators and clients, and each service's
 * trust file. Catalog trusts checkout for {@code prices:read} and {@code prices:subscribe} and the
 * authority for {@code catalog:admin} and {@code prices:read} (an operator reads products);
 * checkout trusts catalog for {@code prices:push} and the authority for {@code orders}.
 */
public final class Provisioning {
  /** The authority's name in tokens' {@code iss}. */
  public static final String AUTHORITY = "authority";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Where the files are.
   *
   * @param dir the directory
   */
  public record Provisioned(Path dir) {
    /** A principal's key file. */
    public Path key(String name) {
      return dir.resolve(name + ".key.json");
    }

    /** A service's trust file. */
    public Path trust(String service) {
      return dir.resolve(service + ".trust.json");
    }

    /** The authority, to mint operators' and clients' tokens. */
    public Signer authority(Clock clock) {
      return Signer.load(key(AUTHORITY), clock);
    }
  }

  private Provisioning() {}

  /** Generates fresh keys and trust files in {@code dir} (created, mode 700). */
  public static Provisioned scenario(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      Provisioned p = new Provisioned(dir);
      ECKey catalog = writeKey(p, "catalog");
      ECKey checkout = writeKey(p, "checkout");
      ECKey authority = writeKey(p, AUTHORITY);
      writeTrust(
          p.trust("catalog"),
          Map.of(
              "checkout",
              principal("service", List.of(Scopes.PRICES_READ, Scopes.PRICES_SUBSCRIBE), checkout),
              AUTHORITY,
              principal(
                  "authority", List.of(Scopes.CATALOG_ADMIN, Scopes.PRICES_READ), authority)));
      writeTrust(
          p.trust("checkout"),
          Map.of(
              "catalog",
              principal("service", List.of(Scopes.PRICES_PUSH), catalog),
              AUTHORITY,
              principal("authority", List.of(Scopes.ORDERS), authority)));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write identities under " + dir, e);
    }
  }

  private static ECKey writeKey(Provisioned p, String name) throws IOException {
    ECKey key;
    try {
      key = new ECKeyGenerator(Curve.P_256).keyID(name + "-" + UUID.randomUUID()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a P-256 key", e);
    }
    ObjectNode file = JSON.createObjectNode().put("name", name);
    file.set("key", JSON.readTree(key.toJSONString()));
    writePrivate(p.key(name), JSON.writeValueAsString(file));
    return key.toPublicJWK();
  }

  private static ObjectNode principal(String kind, List<String> scopes, ECKey key)
      throws IOException {
    ObjectNode p = JSON.createObjectNode().put("kind", kind);
    ArrayNode s = p.putArray("scopes");
    scopes.forEach(s::add);
    p.putArray("keys").add(JSON.readTree(key.toJSONString()));
    return p;
  }

  private static void writeTrust(Path file, Map<String, ObjectNode> principals) throws IOException {
    ArrayNode list = JSON.createArrayNode();
    principals.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> list.add(e.getValue().deepCopy().put("name", e.getKey())));
    ObjectNode root = JSON.createObjectNode();
    root.set("principals", list);
    writePrivate(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
  }

  /** Writes {@code text} to a new file that only its owner may read. */
  public static void writePrivate(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, text);
  }
}
