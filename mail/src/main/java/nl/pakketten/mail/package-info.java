/**
 * The document services of the invoicing room: start at {@link nl.pakketten.mail.PakkettenMail},
 * whose builder returns a {@link nl.pakketten.spi.DocumentServices} that checks and renders e-mail
 * templates, prints the invoice as a PDF, sends it by SMTP (or writes it as {@code .eml} and PDF
 * files into a directory) and checks IBANs. The placeholders, the
 * default templates and the failure semantics are described in {@code docs/mail.md}.
 */
@NullMarked
package nl.pakketten.mail;

import org.jspecify.annotations.NullMarked;
