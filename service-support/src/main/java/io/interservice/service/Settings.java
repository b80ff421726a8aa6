package io.interservice.service;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's settings: {@code --name value} or {@code --name=value} flags, falling back to
 * environment variables {@code PREFIX_NAME} (upper case, dashes as underscores), then to defaults.
 * Immutable.
 */
public final class Settings {
  private final Map<String, String> flags;
  private final Map<String, String> env;
  private final String prefix;

  private Settings(Map<String, String> flags, Map<String, String> env, String prefix) {
    this.flags = flags;
    this.env = env;
    this.prefix = prefix;
  }

  /**
   * Reads {@code args} accepting any flag, to learn the settings that decide which flags are known
   * (checkout's technique, catalog's features); then {@link #parse} checks them.
   *
   * @throws IllegalArgumentException naming a flag that has no value
   */
  public static Settings lenient(String[] args, Map<String, String> env, String prefix) {
    return parse(args, env, prefix, null);
  }

  /**
   * Reads {@code args}; every flag must be one of {@code known}.
   *
   * @throws IllegalArgumentException naming the flag that is unknown or has no value
   */
  public static Settings parse(
      String[] args,
      Map<String, String> env,
      String prefix,
      @org.jspecify.annotations.Nullable Set<String> known) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("flag --" + name + " needs a value");
      }
      if (known != null && known.contains(name + "-file")) {
        throw new IllegalArgumentException(
            "--"
                + name
                + " is a secret and is not taken on the command line: set "
                + prefix
                + "_"
                + name.toUpperCase(Locale.ROOT).replace('-', '_')
                + " or give --"
                + name
                + "-file <path>");
      }
      if (known != null && !known.contains(name)) {
        throw new IllegalArgumentException(
            "unknown flag --" + name + "; known: --" + String.join(", --", new TreeSet<>(known)));
      }
      flags.put(name, value);
    }
    return new Settings(Map.copyOf(flags), Map.copyOf(env), prefix);
  }

  /** The value of {@code name}, or {@code fallback}. */
  public String string(String name, String fallback) {
    String v = flags.get(name);
    if (v == null) {
      v = env.get(prefix + "_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
    return v == null ? fallback : v;
  }

  /**
   * A secret: from the environment variable {@code PREFIX_NAME}, or read from the file that {@code
   * --<name>-file} names. Never from the command line, never a default.
   *
   * @throws IllegalArgumentException naming both ways when neither is given, or the file is
   *     unreadable
   */
  public String secret(String name) {
    String variable = prefix + "_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    String value = env.get(variable);
    if (value != null && !value.isEmpty()) {
      return value;
    }
    String file = flags.get(name + "-file");
    if (file == null) {
      file = env.get(variable + "_FILE");
    }
    if (file == null) {
      throw new IllegalArgumentException(
          "missing secret "
              + name
              + ": set the environment variable "
              + variable
              + " or give --"
              + name
              + "-file <path>");
    }
    try {
      String read = java.nio.file.Files.readString(java.nio.file.Path.of(file)).strip();
      if (read.isEmpty()) {
        throw new IllegalArgumentException("--" + name + "-file " + file + " is empty");
      }
      return read;
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("--" + name + "-file " + file + " cannot be read: " + e);
    }
  }

  /**
   * The value of {@code name}, which has no default.
   *
   * @throws IllegalArgumentException naming the flag and its variable when it is not given
   */
  public String required(String name) {
    String v = string(name, "");
    if (v.isBlank()) {
      throw new IllegalArgumentException(
          "missing --"
              + name
              + " (or the environment variable "
              + prefix
              + "_"
              + name.toUpperCase(Locale.ROOT).replace('-', '_')
              + ")");
    }
    return v;
  }

  /** The integer value of {@code name}. @throws IllegalArgumentException if it is not one */
  public int integer(String name, int fallback) {
    String v = string(name, Integer.toString(fallback));
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be an integer, was '" + v + "'");
    }
  }

  /**
   * The duration value of {@code name}: {@code 250ms}, {@code 2s}, {@code 1m} or ISO-8601.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public Duration duration(String name, Duration fallback) {
    String v = string(name, "").trim();
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      return parseDuration(v);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "--" + name + " must be a duration such as 250ms, 2s or PT1M, was '" + v + "'");
    }
  }

  /** Parses {@code 250ms}, {@code 2s}, {@code 1m} or ISO-8601. */
  public static Duration parseDuration(String v) {
    if (v.startsWith("P") || v.startsWith("p")) {
      return Duration.parse(v);
    }
    if (v.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
    }
    long n = Long.parseLong(v.substring(0, v.length() - 1));
    return switch (v.charAt(v.length() - 1)) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      default -> throw new IllegalArgumentException(v);
    };
  }
}
