package nl.pakketten.export;

import java.math.BigDecimal;

/**
 * What an export wrote: the number of journal entries and lines, and the debit and credit totals
 * (equal, since every entry balances). A caller can log it or check it against the file.
 *
 * @param entries the journal entries written (XAF transactions)
 * @param lines the journal lines written (CSV rows after the header, XAF transaction lines)
 * @param totalDebit the sum of the debited amounts
 * @param totalCredit the sum of the credited amounts
 */
public record ExportTotals(long entries, long lines, BigDecimal totalDebit, BigDecimal totalCredit) {}
