package com.propertyquality.review.generate;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes the rows of one template file as they are made, never holding the file. A cell is a String (text), a
 * LocalDate (a date), an Integer or Long (a whole number), a BigDecimal (an amount or a score) or null (blank).
 */
interface SheetWriter extends Closeable {

    void row(Object[] cells) throws IOException;
}
