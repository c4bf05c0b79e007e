package com.propertyquality.review.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.springframework.context.ConfigurableApplicationContext;

import com.propertyquality.review.config.ReviewProperties;
import com.propertyquality.review.config.WorkFolder;
import com.propertyquality.review.lake.Lake;
import com.propertyquality.review.marts.QueryViews;
import com.propertyquality.review.workbench.Answer;
import com.propertyquality.review.workbench.DuckDbReadEngine;
import com.propertyquality.review.workbench.RefusedQuery;
import com.propertyquality.review.workbench.SparkDoor;
import com.propertyquality.review.spark.SparkSessions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.siegmar.fastcsv.writer.CsvWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run one read-only SQL query (SELECT, WITH, VALUES, TABLE) over every mart and public lake"
                + " dataset, each a view under its own name (survey_returns, feedback, ...). Anything else (a command,"
                + " a file, a function that reaches the JVM, the file system or the network) is refused with exit"
                + " status 2. Personal data is in no view.",
                "Example: query \"SELECT office_id, return_rate FROM survey_returns WHERE year = 2025\""})
class QueryCommand implements Callable<Integer> {

    enum Format { table, csv, json, parquet }

    /** duckdb: the in-process read engine, answers in milliseconds; spark: the marts' own engine. */
    enum Engine { auto, duckdb, spark }

    @Mixin
    WorkFolderOptions.Work work;

    @Mixin
    WorkFolderOptions.Lake lake;

    @Mixin
    WorkFolderOptions.Marts marts;

    @Mixin
    WorkFolderOptions.SparkMaster sparkMaster;

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

    @Option(names = "--engine", defaultValue = "auto", paramLabel = "ENGINE",
            description = "auto, duckdb or spark (default: ${DEFAULT-VALUE}: DuckDB when the work folder is on the"
                    + " local disk and no --output is asked for, else Spark). Both stand behind the same door;"
                    + " --spark-master serves Spark's answers only.")
    Engine engine;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (format == Format.parquet && output == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format parquet needs --output");
        }
        if (engine == Engine.duckdb && output != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--output writes with Spark: use --engine spark (or leave --engine out)");
        }
        if (engine == Engine.duckdb && sparkMaster.sparkMaster != null) {
            // the master serves Spark's answers only (--engine spark, --output, a lake off the local disk)
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--spark-master is for Spark's answers: use --engine spark (or leave --engine out)");
        }
        try (ConfigurableApplicationContext context = Contexts.startReading(work, lake, marts, sparkMaster)) {
            WorkFolder folder = context.getBean(WorkFolder.class);
            boolean local = folder.lake().isLocal() && folder.marts().isLocal();
            if (engine == Engine.duckdb && !local) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--engine duckdb reads a work folder on the local disk; this one is not: use --engine spark");
            }
            try {
                if (engine == Engine.duckdb || engine == Engine.auto && local && output == null) {
                    return askDuckDb(folder);
                }
                return askSpark(context.getBean(ReviewProperties.class), folder);
            } catch (RefusedQuery refused) {
                spec.commandLine().getErr().println("refused: " + refused.getMessage());
                spec.commandLine().getErr().flush();
                return ReviewCli.USAGE;
            }
        }
    }

    private int askDuckDb(WorkFolder work) {
        try (DuckDbReadEngine reader = DuckDbReadEngine.open(work.openLake(Lake.DEFAULT_BUFFER_ROWS),
                work.marts().localPath(), null)) {
            Answer answer = reader.ask(sql);
            PrintWriter out = spec.commandLine().getOut();
            switch (format) {
                case csv -> csv(answer.columns(), answer.rows(), out);
                case json -> json(answer, out);
                default -> table(answer.columns().toArray(String[]::new), answer.rows(), out);
            }
            out.flush();
            return ReviewCli.OK;
        }
    }

    private int askSpark(ReviewProperties properties, WorkFolder work) {
        SparkSession spark = SparkSessions.get(properties.spark());
        List<String> views = QueryViews.register(spark, work.catalog(), work.marts());
        Dataset<Row> result = new SparkDoor(spark, views).ask(sql);
        PrintWriter out = spec.commandLine().getOut();
        if (output != null) {
            write(result, output.toAbsolutePath().normalize());
            out.println("Wrote " + format + " to " + output.toAbsolutePath().normalize());
        } else {
            switch (format) {
                case csv -> csv(List.of(result.columns()), result.collectAsList().stream()
                        .map(QueryCommand::cells).toList(), out);
                case json -> result.toJSON().collectAsList().forEach(out::println);
                default -> table(result.columns(), result.takeAsList(limit + 1).stream()
                        .map(QueryCommand::values).toList(), out);
            }
        }
        out.flush();
        return ReviewCli.OK;
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

    private static void csv(List<String> header, List<? extends List<?>> rows, PrintWriter out) {
        CsvWriter csv = CsvWriter.builder().build(out);
        csv.writeRecord(header);
        for (List<?> row : rows) {
            csv.writeRecord(row.stream().map(QueryCommand::cell).toList());
        }
        try {
            csv.flush(); // not close: that would close the command's output
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One JSON object per row, as Spark writes them: nulls left out, dates as text. */
    private static void json(Answer answer, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper();
        for (List<Object> row : answer.rows()) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int c = 0; c < row.size(); c++) {
                Object value = row.get(c);
                if (value != null) {
                    object.put(answer.columns().get(c), value instanceof Number || value instanceof Boolean
                            ? value : value.toString());
                }
            }
            try {
                out.println(mapper.writeValueAsString(object));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void table(String[] header, List<? extends List<?>> rows, PrintWriter out) {
        List<? extends List<?>> shown = rows.subList(0, Math.min(limit, rows.size()));
        TerminalTable table = new TerminalTable(header);
        for (List<?> row : shown) {
            table.add(row.stream().map(QueryCommand::cell).toArray());
        }
        table.print(out);
        out.printf(Locale.ROOT, "(%d row%s%s)%n", shown.size(), shown.size() == 1 ? "" : "s",
                rows.size() > limit ? ", more not shown: raise --limit or use --format csv" : "");
    }

    private static List<Object> values(Row row) {
        List<Object> values = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            values.add(row.isNullAt(i) ? null : row.get(i));
        }
        return values;
    }

    private static List<String> cells(Row row) {
        return values(row).stream().map(QueryCommand::cell).toList();
    }

    private static String cell(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
