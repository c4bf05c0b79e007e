package com.propertyquality.review.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.ReplacePartitions;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.FanoutDataWriter;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.types.Types;

import com.propertyquality.review.contract.Template;

/**
 * The ingest's two ways to the lake side by side (issue 16: "measure both and keep the faster"): our Parquet
 * writer staging each partition's file, then one {@code ReplacePartitions} commit ({@link Lake#stage},
 * {@link Lake#commit}: content names, column statistics from the footer); against Iceberg's own writers
 * ({@link GenericFileWriterFactory} and a {@link FanoutDataWriter}, one open file per partition, the statistics
 * kept while writing) and the same commit. The same rows, in the order of their input files, already validated:
 * only the writing and the commit are timed. A benchmark, not a test: run by hand (BENCHMARKS.md).
 *
 * <pre>java -Xmx8g -cp pipeline/target/test-classes:pipeline/target/classes:$(cat cp.txt) \
 *     com.propertyquality.review.lake.WriterComparison LAKE DATASET ROUNDS OUT</pre>
 *
 * LAKE is a loaded lake folder (e.g. a {@code bench} run's {@code work/lake}), DATASET a public dataset of it.
 */
public final class WriterComparison {

    private WriterComparison() {
    }

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        String dataset = args[1];
        int rounds = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        Template template = Lake.templateOf(dataset);
        List<Map<String, Object>> read = new Lake(source).readAll(dataset);
        // the input files' order: each file's rows as the file had them, its partitions interleaved
        read.sort(Comparator.comparing((Map<String, Object> row) -> (String) row.get("source_file"))
                .thenComparing(row -> (Integer) row.get("source_row")));
        List<Input> rows = new ArrayList<>(read.size());
        for (Map<String, Object> row : read) {
            Object[] values = new Object[template.columns().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.get(template.columns().get(i).name());
            }
            rows.add(new Input(values, (String) row.get("source_file"), (Integer) row.get("source_row")));
        }
        read.clear();
        System.out.printf(Locale.ROOT, "%s: %,d rows%n", dataset, rows.size());
        List<double[]> times = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            double ours = ours(template, rows, Files.createDirectories(out.resolve("ours-" + round)),
                    Lake.DEFAULT_BUFFER_ROWS);
            double unspilled = ours(template, rows, Files.createDirectories(out.resolve("unspilled-" + round)),
                    rows.size() + 1);
            double iceberg = iceberg(template, rows, Files.createDirectories(out.resolve("iceberg-" + round)));
            times.add(new double[] {ours, unspilled, iceberg});
            System.out.printf(Locale.ROOT, "round %d: ours %.2f s, ours sorted in memory %.2f s, Iceberg's writers"
                    + " %.2f s%n", round, ours, unspilled, iceberg);
        }
        String[] names = {"ours (sorted runs spilled, the ingest's default buffer)", "ours sorted in memory",
                "Iceberg's writers"};
        for (int way = 0; way < names.length; way++) {
            int w = way;
            double[] sorted = times.stream().mapToDouble(t -> t[w]).sorted().toArray();
            double median = sorted[sorted.length / 2];
            System.out.printf(Locale.ROOT, "median: %s %.2f s (%,.0f rows/s)%n", names[way], median,
                    rows.size() / median);
        }
    }

    private record Input(Object[] values, String sourceFile, int sourceRow) {
    }

    /** Our writer and commit, as the ingest runs them. */
    private static double ours(Template template, List<Input> rows, Path root, int bufferRows) {
        Lake lake = new Lake(root, bufferRows);
        long start = System.nanoTime();
        StagedFile staged = lake.stage("ours", 0, template);
        for (Input row : rows) {
            staged.write(row.values(), row.sourceFile(), row.sourceRow());
        }
        staged.close();
        lake.commit("ours", template, List.of(staged));
        return (System.nanoTime() - start) / 1e9;
    }

    /** Iceberg's generic writers into the same table, then the same kind of commit. */
    private static double iceberg(Template template, List<Input> rows, Path root) throws IOException {
        // the table created by a load of one row, outside the time
        Lake lake = new Lake(root);
        StagedFile first = lake.stage("create", 0, template);
        first.write(rows.get(0).values(), rows.get(0).sourceFile(), rows.get(0).sourceRow());
        first.close();
        lake.commit("create", template, List.of(first));
        Table table = lake.tableOf(template, template.dataset()).orElseThrow();

        long start = System.nanoTime();
        Schema schema = table.schema();
        List<Types.NestedField> fields = schema.columns();
        // where each field's value comes from: a template column, the year derived from a date, or lineage
        int[] from = new int[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).name();
            from[i] = switch (name) {
                case "source_file" -> -2;
                case "source_row" -> -3;
                default -> name.equals(Template.YEAR) && template.derivesYear() ? -1 : template.indexOf(name);
            };
        }
        int yearFrom = template.derivesYear() ? template.indexOf(template.yearFrom()) : -1;
        GenericFileWriterFactory writers = new GenericFileWriterFactory.Builder(table)
                .dataFileFormat(FileFormat.PARQUET).dataSchema(schema).build();
        OutputFileFactory files = OutputFileFactory.builderFor(table, 0, 0).format(FileFormat.PARQUET).build();
        FanoutDataWriter<Record> writer = new FanoutDataWriter<>(writers, files, table.io(), Long.MAX_VALUE);
        GenericRecord record = GenericRecord.create(schema);
        PartitionKey key = new PartitionKey(table.spec(), schema);
        for (Input row : rows) {
            for (int i = 0; i < from.length; i++) {
                record.set(i, switch (from[i]) {
                    case -2 -> row.sourceFile();
                    case -3 -> row.sourceRow();
                    case -1 -> ((java.time.LocalDate) row.values()[yearFrom]).getYear();
                    default -> row.values()[from[i]];
                });
            }
            key.partition(record);
            writer.write(record, table.spec(), key);
        }
        writer.close();
        List<DataFile> written = writer.result().dataFiles();
        ReplacePartitions replace = table.newReplacePartitions();
        written.forEach(replace::addFile);
        replace.commit();
        double seconds = (System.nanoTime() - start) / 1e9;
        long stored = written.stream().mapToLong(DataFile::recordCount).sum();
        if (stored != rows.size()) {
            throw new IllegalStateException("Iceberg's writers stored " + stored + " rows of " + rows.size());
        }
        System.out.printf(Locale.ROOT, "  Iceberg's writers: %d files, %s%n", written.size(),
                Arrays.toString(written.stream().limit(1).map(DataFile::location).toArray()));
        return seconds;
    }
}
