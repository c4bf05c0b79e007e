package com.propertyquality.review.support;

import java.io.PrintWriter;
import java.io.StringWriter;

import com.propertyquality.review.cli.ReviewCli;

/** Runs the command line in-process, as a user would, and keeps what it printed. */
public final class Cli {

    private Cli() {
    }

    public record Result(int status, String out, String err) {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ReviewCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(status, out.toString(), err.toString());
    }
}
