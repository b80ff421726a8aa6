package io.interservice.access.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable map of a few entries held in two arrays and looked up by scanning them: what a local
 * read of one order's keys answers with, built without hashing every entry into a table and
 * allocating an object per entry (a read of 5 keys from a replica spent most of its time there).
 * Keys are distinct and non-null, values non-null: {@link #of} checks both.
 */
public final class SmallMap<K, V> extends AbstractMap<K, V> {
  /** Past this many entries a read's answer is an ordinary immutable map. */
  public static final int MAX = 16;

  private final Object[] keys;
  private final Object[] values;
  private final int size;

  private SmallMap(Object[] keys, Object[] values, int size) {
    this.keys = keys;
    this.values = values;
    this.size = size;
  }

  /**
   * The first {@code n} of {@code keys} (of type {@code K}) and {@code values} (of type {@code V}),
   * key {@code i} to value {@code i}, as an immutable map; the arrays are taken over, so the caller
   * must not change them afterwards.
   *
   * @throws IllegalArgumentException for a repeated key
   * @throws NullPointerException for a null key or value
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <K, V> Map<K, V> of(Object[] keys, Object[] values, int n) {
    if (n > MAX) {
      Map.Entry<K, V>[] entries = new Map.Entry[n];
      for (int i = 0; i < n; i++) {
        entries[i] = Map.entry((K) keys[i], (V) values[i]);
      }
      return Map.ofEntries(entries);
    }
    for (int i = 0; i < n; i++) {
      Object key = Objects.requireNonNull(keys[i], "key");
      Objects.requireNonNull(values[i], "value");
      for (int j = 0; j < i; j++) {
        if (keys[j].hashCode() == key.hashCode() && keys[j].equals(key)) {
          throw new IllegalArgumentException("repeated key " + key);
        }
      }
    }
    return new SmallMap<>(keys, values, n);
  }

  /**
   * As {@link #of}, for keys the caller took from one {@link Set} in its iteration order: they are
   * distinct and non-null already, so only the values are checked.
   */
  public static <K, V> Map<K, V> ofDistinct(Object[] keys, Object[] values, int n) {
    if (n > MAX) {
      return of(keys, values, n);
    }
    for (int i = 0; i < n; i++) {
      Objects.requireNonNull(values[i], "value");
    }
    return new SmallMap<>(keys, values, n);
  }

  /** The key at {@code i} (below {@link #size}), in the order the map was made in. */
  @SuppressWarnings("unchecked")
  K keyAt(int i) {
    return (K) keys[Objects.checkIndex(i, size)];
  }

  /** The value at {@code i} (below {@link #size}), in the order the map was made in. */
  @SuppressWarnings("unchecked")
  V valueAt(int i) {
    return (V) values[Objects.checkIndex(i, size)];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public @Nullable V get(@Nullable Object key) {
    int i = indexOf(key);
    return i < 0 ? null : (V) values[i];
  }

  private int indexOf(@Nullable Object key) {
    if (key == null) {
      return -1;
    }
    int hash = key.hashCode();
    for (int i = 0; i < size; i++) {
      if (keys[i].hashCode() == hash && keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Map.Entry<K, V>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          @SuppressWarnings("unchecked")
          public Map.Entry<K, V> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            Map.Entry<K, V> e = Map.entry((K) keys[next], (V) values[next]);
            next++;
            return e;
          }
        };
      }
    };
  }
}
