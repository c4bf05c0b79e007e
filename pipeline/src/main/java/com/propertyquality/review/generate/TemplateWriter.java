package com.propertyquality.review.generate;

import java.nio.file.Path;

/** Writes one template's files for the whole company. Each runs on its own thread with its own dice. */
interface TemplateWriter {

    /** The good rows it writes: the biggest templates start first, so the threads finish together. */
    long plannedRows();

    void write(OutputFolder out);
}
