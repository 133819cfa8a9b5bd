package nl.pakketten.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A practice's payment desk as a Spring Boot command-line application: the Pakketten starter gives
 * it a {@code Pakketten} bean over its H2 database, in its transactions, with its events. It sells a
 * package when an invoice is paid and spends it when appointments are booked, then prints the
 * figures. Run it with {@code ./mvnw -B -q -DskipTests -pl examples-spring-boot -am package exec:java}.
 */
@SpringBootApplication
public class PaymentDeskApplication {
  /** Starts the application, which tells its story ({@link PaymentDeskStory}) and ends. */
  public static void main(String[] args) {
    SpringApplication.run(PaymentDeskApplication.class, args).close();
  }
}
