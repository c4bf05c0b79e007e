package com.propertyquality.review.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.springframework.context.ConfigurableApplicationContext;

import com.propertyquality.review.config.ReviewProperties;
import com.propertyquality.review.config.WorkFolder;
import com.propertyquality.review.marts.QueryViews;
import com.propertyquality.review.spark.SparkSessions;

import de.siegmar.fastcsv.writer.CsvWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run Spark SQL over every mart and lake dataset, each a view under its own name (survey_returns,"
                + " feedback, ...). Personal data is not reachable.",
                "Example: query \"SELECT office_id, return_rate FROM survey_returns WHERE year = 2025\""})
class QueryCommand implements Callable<Integer> {

    enum Format { table, csv, json, parquet }

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "SQL", description = "The query.")
    String sql;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, csv, json or parquet (default: ${DEFAULT-VALUE}; parquet needs --output).")
    Format format;

    @Option(names = "--output", paramLabel = "PATH",
            description = "Write the result to this folder (Spark's csv/json/parquet layout) instead of printing it.")
    Path output;

    @Option(names = "--limit", defaultValue = "100", paramLabel = "N",
            description = "Rows printed as a table (default: ${DEFAULT-VALUE}).")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (format == Format.parquet && output == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format parquet needs --output");
        }
        try (ConfigurableApplicationContext context = Contexts.start(common)) {
            ReviewProperties properties = context.getBean(ReviewProperties.class);
            WorkFolder work = context.getBean(WorkFolder.class);
            SparkSession spark = SparkSessions.get(properties.spark());
            QueryViews.register(spark, work.lake(), work.marts());
            Dataset<Row> result = QueryViews.run(spark, sql);
            PrintWriter out = spec.commandLine().getOut();
            if (output != null) {
                write(result, output.toAbsolutePath().normalize());
                out.println("Wrote " + format + " to " + output.toAbsolutePath().normalize());
            } else {
                switch (format) {
                    case csv -> csv(result, out);
                    case json -> result.toJSON().collectAsList().forEach(out::println);
                    default -> table(result, out);
                }
            }
            out.flush();
            return ReviewCli.OK;
        }
    }

    private void write(Dataset<Row> result, Path folder) {
        var writer = result.coalesce(1).write().mode(SaveMode.Overwrite);
        String path = folder.toUri().toString();
        switch (format) {
            case csv -> writer.option("header", "true").csv(path);
            case json -> writer.json(path);
            default -> writer.parquet(path);
        }
    }

    private static void csv(Dataset<Row> result, PrintWriter out) {
        CsvWriter csv = CsvWriter.builder().build(out);
        csv.writeRecord(result.columns());
        for (Row row : result.collectAsList()) {
            csv.writeRecord(cells(row));
        }
        try {
            csv.flush(); // not close: that would close the command's output
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void table(Dataset<Row> result, PrintWriter out) {
        String[] header = result.columns();
        List<Row> rows = result.takeAsList(limit + 1);
        List<List<String>> lines = new ArrayList<>();
        for (Row row : rows.subList(0, Math.min(limit, rows.size()))) {
            lines.add(cells(row));
        }
        int[] widths = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            widths[c] = width(header[c]);
            for (List<String> line : lines) {
                widths[c] = Math.max(widths[c], width(line.get(c)));
            }
        }
        out.println(pad(List.of(header), widths));
        for (List<String> line : lines) {
            out.println(pad(line, widths));
        }
        out.printf(Locale.ROOT, "(%d row%s%s)%n", lines.size(), lines.size() == 1 ? "" : "s",
                rows.size() > limit ? ", more not shown: raise --limit or use --format csv" : "");
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            cells.add(row.isNullAt(i) ? "" : String.valueOf(row.get(i)));
        }
        return cells;
    }

    /** Display width: CJK characters take two columns in a terminal. */
    private static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            width += Character.isIdeographic(codePoint) || (codePoint >= 0xFF00 && codePoint <= 0xFFEF) ? 2 : 1;
            i += Character.charCount(codePoint);
        }
        return width;
    }

    private static String pad(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append("  ");
            }
            line.append(cells.get(c)).append(" ".repeat(widths[c] - width(cells.get(c))));
        }
        return line.toString().stripTrailing();
    }
}
