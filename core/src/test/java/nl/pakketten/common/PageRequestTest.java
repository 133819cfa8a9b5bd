package nl.pakketten.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A page request's size is bounded, and its cursor is checked where it is read. */
class PageRequestTest {
  @Test
  void theFirstPageHasTheDefaultSizeAndNoCursor() {
    assertThat(PageRequest.first()).isEqualTo(new PageRequest(Optional.empty(), 500));
    assertThat(PageRequest.first().afterSequence()).isZero();
    assertThat(PageRequest.first().afterTimeKey()).isEmpty();
  }

  @Test
  void aSizeOutsideOneToTenThousandIsInvalidInputNamingSize() {
    for (int size : new int[] {0, -1, 10_001, Integer.MAX_VALUE}) {
      assertThatThrownBy(() -> PageRequest.first(size)).isInstanceOfSatisfying(InvalidInputException.class,
          e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("size"));
    }
    assertThat(PageRequest.first(1).size()).isEqualTo(1);
    assertThat(PageRequest.first(10_000).size()).isEqualTo(10_000);
  }

  @Test
  void cursorsRoundTrip() {
    assertThat(PageRequest.first(5).after(PageRequest.sequenceCursor(42)).afterSequence()).isEqualTo(42);
    PageRequest.TimeKey key = new PageRequest.TimeKey(Instant.parse("2026-03-01T10:15:30.123456Z"), 7);
    assertThat(PageRequest.first(5).after(key.cursor()).afterTimeKey()).contains(key);
  }

  @Test
  void anEmptyOrOverlongCursorIsInvalidInputNamingAfter() {
    for (String cursor : new String[] {"", "9".repeat(201)}) {
      assertThatThrownBy(() -> PageRequest.first(5).after(cursor)).isInstanceOfSatisfying(InvalidInputException.class,
          e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("after"));
    }
  }

  @Test
  void aPageCutFromOneRowMoreThanItsSizeHasANextPageAfterItsLastItem() {
    PageRequest request = PageRequest.first(2);

    Page<String> page = Page.of(List.of(1L, 2L, 3L), request, n -> "item " + n, PageRequest::sequenceCursor);
    Page<String> last = Page.of(List.of(3L), request.after("2"), n -> "item " + n, PageRequest::sequenceCursor);

    assertThat(page.items()).containsExactly("item 1", "item 2");
    assertThat(page.next()).contains(request.after("2"));
    assertThat(last.items()).containsExactly("item 3");
    assertThat(last.next()).isEmpty();
  }
}
