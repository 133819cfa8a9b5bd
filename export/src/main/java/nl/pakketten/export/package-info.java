/**
 * The journal for the bookkeeper: start at {@link nl.pakketten.export.JournalExport}, which writes
 * a period of a practice's journal as CSV (one row per journal line, written with Apache Commons
 * CSV) or as a Dutch XAF 3.2 audit file (written with StAX). Both stream the journal through
 * {@code Pakketten.readJournal}: memory stays flat however many lines the period holds. The
 * columns and the XAF mapping are described in {@code docs/export.md}.
 */
@NullMarked
package nl.pakketten.export;

import org.jspecify.annotations.NullMarked;
