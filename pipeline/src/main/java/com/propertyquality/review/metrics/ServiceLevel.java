package com.propertyquality.review.metrics;

/** The levels on which customer needs are read (客户需求识别: 管理, 服务, 经营). */
public enum ServiceLevel implements Coded {
    MANAGEMENT("management", "管理"),
    SERVICE("service", "服务"),
    BUSINESS("business", "经营");

    private final String code;
    private final String chinese;

    ServiceLevel(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String chinese() {
        return chinese;
    }

    public static ServiceLevel ofCode(String code) {
        for (ServiceLevel level : values()) {
            if (level.code.equals(code)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown service level: " + code);
    }
}
