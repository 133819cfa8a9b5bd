package nl.pakketten.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.pakketten.common.InvalidInputException;
import org.junit.jupiter.api.Test;

/** A format split around its sequence (what an adapter writes in SQL) numbers as the format does. */
class InvoiceNumbersTest {
  @Test
  void aFormatIsTheTextAroundThePaddedSequenceWithTheYearFilledIn() {
    assertThat(InvoiceNumbers.numbering("F{yyyy}-{seq:5}", 2026))
        .isEqualTo(new InvoiceNumbers.Numbering("F2026-", 5, ""));
    assertThat(InvoiceNumbers.numbering("{seq}/{yyyy}.x", 987)).isEqualTo(new InvoiceNumbers.Numbering("", 1, "/0987.x"));
    assertThat(InvoiceNumbers.format("F{yyyy}-{seq:5}", 2026, 42)).isEqualTo("F2026-00042");
    assertThat(InvoiceNumbers.format("{seq}", 2026, 7)).isEqualTo("7");
  }

  @Test
  void aSequenceWiderThanItsPaddingIsNotCut() {
    assertThat(InvoiceNumbers.format("{yyyy}{seq:2}{yyyy}", 2026, 123)).isEqualTo("20261232026");
    assertThat(InvoiceNumbers.numbering("A{seq:12}", 2026).number(1)).isEqualTo("A000000000001");
  }

  @Test
  void anInvalidFormatIsRefused() {
    assertThatThrownBy(() -> InvoiceNumbers.numbering("{yyyy}", 2026)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> InvoiceNumbers.numbering("{seq}{seq}", 2026)).isInstanceOf(InvalidInputException.class);
  }
}
