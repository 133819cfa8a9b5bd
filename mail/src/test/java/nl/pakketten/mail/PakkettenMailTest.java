package nl.pakketten.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PakkettenMailTest {
  @Test
  void withoutAnSmtpServerThereIsNothingToBuild() {
    assertThatIllegalStateException().isThrownBy(() -> PakkettenMail.builder().build())
        .withMessageContaining("smtp(host, port)");
  }

  @Test
  void smtpAndADirectoryTogetherAreRefused() {
    assertThatIllegalStateException()
        .isThrownBy(() -> PakkettenMail.builder().smtp("localhost", 25).writingTo(Path.of("mail")).build())
        .withMessageContaining("choose one");
  }

  @Test
  void impossibleSettingsAreRefusedWhereTheyAreGiven() {
    PakkettenMail.Builder builder = PakkettenMail.builder();

    assertThatIllegalArgumentException().isThrownBy(() -> builder.smtp(" ", 25)).withMessageContaining("host");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.smtp("localhost", 0)).withMessageContaining("port");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.timeout(Duration.ZERO))
        .withMessageContaining("timeout");
  }

  @Test
  void thePasswordNeverAppearsInTheSettingsText() {
    SmtpSettings settings = new SmtpSettings("smtp.example.nl", 587, "facturen", "geheim", true, Duration.ofSeconds(5));

    assertThat(settings.toString())
        .isEqualTo("smtp.example.nl:587 as facturen (STARTTLS)")
        .doesNotContain("geheim");
  }
}
