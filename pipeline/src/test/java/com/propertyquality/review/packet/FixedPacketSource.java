package com.propertyquality.review.packet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import com.propertyquality.review.marts.Mart;
import com.propertyquality.review.marts.MartColumn;
import com.propertyquality.review.marts.Marts;

/** Hand-made mart and lake rows for chapter tests: {@code source.mart("survey_returns", row(...), row(...))}. */
final class FixedPacketSource implements PacketSource {

    private final Map<String, List<Map<String, Object>>> marts = new HashMap<>();
    private final Map<String, List<Map<String, Object>>> lake = new HashMap<>();
    private BigDecimal threshold = new BigDecimal("0.60");

    FixedPacketSource threshold(BigDecimal value) {
        threshold = value;
        return this;
    }

    @SafeVarargs
    final FixedPacketSource mart(String name, Map<String, Object>... rows) {
        marts.computeIfAbsent(name, k -> new ArrayList<>()).addAll(List.of(rows));
        return this;
    }

    @SafeVarargs
    final FixedPacketSource lake(String dataset, Map<String, Object>... rows) {
        lake.computeIfAbsent(dataset, k -> new ArrayList<>()).addAll(List.of(rows));
        return this;
    }

    /** A row from alternating column names and values; values may be null. */
    static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    @Override
    public String companyName() {
        return "示例物业管理有限公司";
    }

    @Override
    public BigDecimal returnThreshold() {
        return threshold;
    }

    /** Refuses the marts of {@link #ROW_BY_ROW} as the work folder's source does, so chapter tests catch a whole read. */
    @Override
    public List<Map<String, Object>> mart(String name) {
        if (ROW_BY_ROW.contains(name)) {
            throw PacketSource.readRowByRow(name);
        }
        return marts.getOrDefault(name, List.of());
    }

    /** Projects the rows to the named columns as the work folder's source does, so chapter tests catch a column a pass reads without naming it. */
    @Override
    public void eachOfYear(String name, int year, Collection<MartColumn> columns, Consumer<MartRow> action) {
        Mart mart = Marts.named(name);
        Set<String> read = PacketSource.columnsRead(mart, columns);
        marts.getOrDefault(name, List.of()).stream().filter(row -> Objects.equals(row.get("year"), year))
                .forEach(row -> action.accept(new MartRow(WorkFolderSource.projected(row, read), mart)));
    }

    @Override
    public List<Map<String, Object>> lake(String dataset) {
        return lake.getOrDefault(dataset, List.of());
    }
}
