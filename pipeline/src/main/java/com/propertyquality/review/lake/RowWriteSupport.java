package com.propertyquality.review.lake;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

import com.propertyquality.review.contract.ValueType;
import com.propertyquality.review.lake.LakeSchemas.StoredColumn;

/**
 * Writes one stored row (values in {@link LakeSchemas#storedColumns} order) straight to Parquet's record
 * consumer: no intermediate record objects, no reflection on the hot path. Text is a {@link String} or, read back
 * from a staged run, its UTF-8 bytes as a {@link Binary}.
 */
final class RowWriteSupport extends WriteSupport<Object[]> {

    private final MessageType schema;
    private final String[] names;
    private final ValueType[] types;
    private RecordConsumer consumer;

    RowWriteSupport(MessageType schema, List<StoredColumn> columns) {
        this.schema = schema;
        this.names = columns.stream().map(StoredColumn::name).toArray(String[]::new);
        this.types = columns.stream().map(StoredColumn::type).toArray(ValueType[]::new);
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
        consumer.startMessage();
        for (int i = 0; i < names.length; i++) {
            Object value = row[i];
            if (value == null) {
                continue;
            }
            consumer.startField(names[i], i);
            switch (types[i]) {
                // staged rows come back as the UTF-8 bytes they were stored as (RowSpill)
                case TEXT, CODE -> consumer.addBinary(value instanceof Binary binary ? binary
                        : Binary.fromString((String) value));
                case INTEGER, YEAR -> consumer.addInteger((Integer) value);
                case DATE -> consumer.addInteger(Math.toIntExact(((LocalDate) value).toEpochDay()));
                case DECIMAL -> consumer.addLong(((BigDecimal) value)
                        .setScale(LakeSchemas.MONEY_SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact());
                case NUMBER -> consumer.addDouble((Double) value);
                case BOOLEAN -> consumer.addBoolean((Boolean) value);
            }
            consumer.endField(names[i], i);
        }
        consumer.endMessage();
    }
}
