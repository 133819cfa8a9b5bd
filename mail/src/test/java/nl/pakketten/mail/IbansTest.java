package nl.pakketten.mail;

import static org.assertj.core.api.Assertions.assertThat;

import nl.pakketten.spi.DocumentServices;
import org.junit.jupiter.api.Test;

class IbansTest {
  private final DocumentServices documents = PakkettenMail.builder().smtp("localhost", 25).build();

  @Test
  void aValidIbanHasNoProblems() {
    assertThat(documents.ibanProblems("NL91ABNA0417164300")).isEmpty();
    assertThat(documents.ibanProblems("DE89370400440532013000")).isEmpty();
  }

  @Test
  void wrongCheckDigitsAreNamed() {
    assertThat(documents.ibanProblems("NL92ABNA0417164300")).singleElement().asString()
        .startsWith("wrong check digits");
  }

  @Test
  void aWrongLengthIsNamed() {
    assertThat(documents.ibanProblems("NL91ABNA041716430")).singleElement().asString()
        .containsIgnoringCase("length");
  }

  @Test
  void anUnknownCountryIsNamed() {
    assertThat(documents.ibanProblems("XX91ABNA0417164300")).singleElement().asString()
        .containsIgnoringCase("country");
  }

  @Test
  void anEmptyIbanIsAProblemNotAnError() {
    assertThat(documents.ibanProblems("")).hasSize(1);
  }
}
