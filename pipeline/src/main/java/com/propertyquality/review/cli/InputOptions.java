package com.propertyquality.review.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options of the commands that read office files (ingest, review). */
public class InputOptions {

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "Folder with the office files.")
    Path input;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "Read every CSV in this encoding (UTF-8, GB18030...) instead of detecting it.")
    String encoding;

    /** The --encoding charset, null for detection; an unknown name is a usage error. */
    Charset encodingOverride(CommandSpec spec) {
        if (encoding == null) {
            return null;
        }
        try {
            return Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown encoding: " + encoding);
        }
    }
}
