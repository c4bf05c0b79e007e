package com.propertyquality.review.metrics;

/**
 * The fixed items every survey form rates, with the column name of the import template, the Chinese header
 * and the level of the area catalogue it belongs to. The order is the order of the form.
 */
public enum SurveyItem implements Coded {
    ENVIRONMENT("environment", "环境卫生", ServiceLevel.MANAGEMENT),
    GREENING("greening", "绿化", ServiceLevel.MANAGEMENT),
    MAINTENANCE("maintenance", "维修保养", ServiceLevel.MANAGEMENT),
    WATER_POWER("water_power", "供水供电", ServiceLevel.MANAGEMENT),
    LIFT("lift", "电梯运行", ServiceLevel.MANAGEMENT),
    SECURITY("security", "安全秩序", ServiceLevel.MANAGEMENT),
    RECEPTION("reception", "接待服务", ServiceLevel.SERVICE),
    COMPLAINT_HANDLING("complaint_handling", "投诉处理", ServiceLevel.SERVICE),
    FOLLOW_UP("follow_up", "服务跟进", ServiceLevel.SERVICE);

    private final String code;
    private final String chinese;
    private final ServiceLevel level;

    SurveyItem(String code, String chinese, ServiceLevel level) {
        this.code = code;
        this.chinese = chinese;
        this.level = level;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String chinese() {
        return chinese;
    }

    public ServiceLevel level() {
        return level;
    }

    /** How many items one form rates: qualified + unsatisfied + unrated = forms × this. */
    public static int perForm() {
        return values().length;
    }

    public static SurveyItem ofCode(String code) {
        for (SurveyItem item : values()) {
            if (item.code.equals(code)) {
                return item;
            }
        }
        throw new IllegalArgumentException("unknown survey item: " + code);
    }
}
