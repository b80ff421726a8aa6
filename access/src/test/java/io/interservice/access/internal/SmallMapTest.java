package io.interservice.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallMapTest {

  @Test
  void itIsEqualToTheMapOfItsEntriesAndFindsEachKey() {
    Map<String, Integer> map =
        SmallMap.of(new Object[] {"a", "b", "c", "unused"}, new Object[] {1, 2, 3, 4}, 3);

    assertThat(map).isEqualTo(Map.of("a", 1, "b", 2, "c", 3)).hasSize(3);
    assertThat(map.hashCode()).isEqualTo(Map.of("a", 1, "b", 2, "c", 3).hashCode());
    assertThat(map.get("b")).isEqualTo(2);
    assertThat(map.get("unused")).isNull();
    assertThat(map.get(null)).isNull();
    assertThat(map.containsKey("c")).isTrue();
    assertThat(new HashMap<>(map))
        .containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 2, "c", 3));
  }

  @Test
  void itsEntriesAreReadByIndexInTheOrderItWasMadeInAndNotPastItsSize() {
    SmallMap<String, Integer> map =
        (SmallMap<String, Integer>)
            SmallMap.<String, Integer>of(
                new Object[] {"b", "a", "unused"}, new Object[] {2, 1, 3}, 2);

    assertThat(map.keyAt(0)).isEqualTo("b");
    assertThat(map.valueAt(1)).isEqualTo(1);
    assertThatThrownBy(() -> map.keyAt(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> map.valueAt(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void itCannotBeChanged() {
    Map<String, Integer> map = SmallMap.of(new Object[] {"a"}, new Object[] {1}, 1);

    assertThatThrownBy(() -> map.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.entrySet().iterator().remove())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aRepeatedKeyOrANullIsRefused() {
    assertThatThrownBy(() -> SmallMap.of(new Object[] {"a", "a"}, new Object[] {1, 2}, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SmallMap.of(new Object[] {"a", null}, new Object[] {1, 2}, 2))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> SmallMap.of(new Object[] {"a"}, new Object[] {null}, 1))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void manyEntriesMakeAnOrdinaryImmutableMap() {
    int n = SmallMap.MAX + 1;
    Object[] keys = new Object[n];
    Object[] values = new Object[n];
    for (int i = 0; i < n; i++) {
      keys[i] = "k" + i;
      values[i] = i;
    }

    Map<String, Integer> map = SmallMap.of(keys, values, n);

    assertThat(map).isNotInstanceOf(SmallMap.class).hasSize(n).containsEntry("k16", 16);
  }
}
