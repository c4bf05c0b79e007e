package com.propertyquality.review.lake;

import java.io.IOException;
import java.util.List;

import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.parquet.Parquet;

import com.propertyquality.review.contract.Template;
import com.propertyquality.review.lake.LakeSchemas.LakeDataset;

/**
 * A template's table as an earlier version of the lake made it: identity partitions on the template's partition
 * columns, a data file per partition, written here with Iceberg's own Parquet writer.
 */
final class FilePerPartitionTable {

    private FilePerPartitionTable() {
    }

    /**
     * Creates the template's own table and adds one file per row (each row its own partition).
     *
     * @param rows values of the dataset's columns before lineage, in order
     */
    static Table create(Lake lake, Template template, List<Object[]> rows) throws IOException {
        LakeDataset dataset = LakeSchemas.datasets(template).get(0);
        Schema schema = TableSchemas.schema(dataset);
        PartitionSpec.Builder identity = PartitionSpec.builderFor(schema);
        dataset.partitionBy().forEach(identity::identity);
        PartitionSpec spec = identity.build();
        Table table = lake.catalog().catalog().buildTable(LakeCatalog.table(template, dataset.name()), schema)
                .withPartitionSpec(spec)
                .withProperty(TableProperties.FORMAT_VERSION, "2")
                .create();
        AppendFiles append = table.newAppend();
        int line = 2;
        for (Object[] values : rows) {
            GenericRecord record = GenericRecord.create(schema);
            for (int i = 0; i < values.length; i++) {
                record.set(i, values[i]);
            }
            record.setField(LakeSchemas.SOURCE_FILE, "earlier.csv");
            record.setField(LakeSchemas.SOURCE_ROW, line++);
            GenericRecord partition = GenericRecord.create(spec.partitionType());
            for (int i = 0; i < dataset.partitionBy().size(); i++) {
                partition.set(i, record.getField(dataset.partitionBy().get(i)));
            }
            String location = table.locationProvider().newDataLocation(spec, partition, "earlier-" + line + ".parquet");
            DataWriter<GenericRecord> writer = Parquet.writeData(table.io().newOutputFile(location))
                    .schema(schema)
                    .createWriterFunc(GenericParquetWriter::create)
                    .withSpec(spec)
                    .withPartition(partition)
                    .overwrite()
                    .build();
            try (writer) {
                writer.write(record);
            }
            append.appendFile(writer.toDataFile());
        }
        append.commit();
        return table;
    }
}
