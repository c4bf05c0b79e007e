package com.propertyquality.review.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import com.propertyquality.review.config.WorkFolder;
import com.propertyquality.review.lake.ParquetRows;
import com.propertyquality.review.marts.SourceMarts;
import com.propertyquality.review.marts.SourceMarts.DataSources;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What the packet's 数据来源 page shows, in the terminal: the lake snapshots and input files behind a year. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Print the lake snapshot each table was read at by the last aggregate, and the input files"
                + " (SHA-256, when loaded, rows stored and rejected) behind the figures of a year: the packet's"
                + " data-sources page.")
class TraceCommand implements Callable<Integer> {

    @Mixin
    WorkFolderOptions.Work work;

    @Mixin
    WorkFolderOptions.Marts marts;

    @Option(names = "--year", required = true, paramLabel = "YYYY", description = "The review year.")
    int year;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Contexts.startReading(work, marts)) {
            PrintWriter out = spec.commandLine().getOut();
            var folder = context.getBean(WorkFolder.class).marts().resolve(SourceMarts.DATA_SOURCES);
            if (!folder.isDirectory()) {
                spec.commandLine().getErr().println("error: no " + SourceMarts.DATA_SOURCES + " mart in "
                        + context.getBean(WorkFolder.class).marts().display() + "; run aggregate first");
                spec.commandLine().getErr().flush();
                return ReviewCli.USAGE;
            }
            List<Map<String, Object>> rows = ParquetRows.read(folder).stream()
                    .filter(row -> row.get(DataSources.YEAR.name()) == null
                            || Objects.equals(row.get(DataSources.YEAR.name()), year))
                    .toList();
            Map<Object, Map<String, Object>> tables = new LinkedHashMap<>();
            rows.forEach(row -> tables.putIfAbsent(row.get(DataSources.LAKE_TABLE.name()), row));
            out.println("Lake snapshots read:");
            TerminalTable snapshots = new TerminalTable("table", "snapshot", "committed at");
            tables.values().forEach(row -> snapshots.add(row.get(DataSources.LAKE_TABLE.name()),
                    row.get(DataSources.SNAPSHOT_ID.name()), row.get(DataSources.COMMITTED_AT.name())));
            snapshots.print(out, "  ");
            out.println("Input files behind the figures of " + year + ":");
            TerminalTable files = new TerminalTable("table", "file", "sha256", "loaded at", "run", "stored",
                    "rejected").alignRight(5, 6);
            rows.forEach(row -> files.add(row.get(DataSources.LAKE_TABLE.name()),
                    row.get(DataSources.SOURCE_FILE.name()), row.get(DataSources.SOURCE_SHA256.name()),
                    row.get(DataSources.LOADED_AT.name()), row.get(DataSources.RUN_ID.name()),
                    row.get(DataSources.ROWS_STORED.name()), row.get(DataSources.ROWS_REJECTED.name())));
            files.print(out, "  ");
            out.flush();
            return ReviewCli.OK;
        }
    }
}
