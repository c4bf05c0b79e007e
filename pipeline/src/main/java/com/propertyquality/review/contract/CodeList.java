package com.propertyquality.review.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.propertyquality.review.metrics.Coded;

/**
 * The allowed values of a coded column. Each value has an English code (what the lake stores) and a Chinese
 * name; a cell may hold either, English case-insensitively.
 */
public final class CodeList {

    private final String name;
    private final Map<String, String> codeByAlias = new LinkedHashMap<>();
    private final Map<String, String> chineseByCode = new LinkedHashMap<>();

    private CodeList(String name) {
        this.name = name;
    }

    /** Pairs of (English code, Chinese name). */
    public static CodeList of(String name, String... codeAndChinese) {
        if (codeAndChinese.length % 2 != 0) {
            throw new IllegalArgumentException("codes come in (code, 中文) pairs: " + name);
        }
        CodeList list = new CodeList(name);
        for (int i = 0; i < codeAndChinese.length; i += 2) {
            list.add(codeAndChinese[i], codeAndChinese[i + 1]);
        }
        return list;
    }

    /** The codes of an enum of the procedures (ratings, areas...), in its order. */
    public static CodeList of(String name, Coded... values) {
        CodeList list = new CodeList(name);
        for (Coded value : values) {
            list.add(value.code(), value.chinese());
        }
        return list;
    }

    private void add(String code, String chinese) {
        codeByAlias.put(code.toLowerCase(Locale.ROOT), code);
        codeByAlias.put(chinese, code);
        chineseByCode.put(code, chinese);
    }

    /** The English code for a cell value, or null when the value is not in the list. */
    public String resolve(String cell) {
        String code = codeByAlias.get(cell);
        return code != null ? code : codeByAlias.get(cell.toLowerCase(Locale.ROOT));
    }

    public String name() {
        return name;
    }

    public List<String> codes() {
        return List.copyOf(chineseByCode.keySet());
    }

    public String chinese(String code) {
        return chineseByCode.get(code);
    }

    /** For error messages: "very_satisfied 很满意, satisfied 满意, ...". */
    public String describe() {
        StringBuilder text = new StringBuilder();
        chineseByCode.forEach((code, chinese) -> {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(code).append(' ').append(chinese);
        });
        return text.toString();
    }
}
